import Foundation

/// A thread running one closure, with a stack large enough for deep MIME trees, that can be
/// waited for.
final class WorkerThread: @unchecked Sendable {
    // Safe: `done` is a semaphore; `joined` is only touched by the one thread that joins.
    private let done = DispatchSemaphore(value: 0)
    private var joined = false

    /// Stack size of worker threads: 8 MiB.
    static let stackSize = 8 << 20

    /// Starts `body` on a new thread named `name`.
    init(name: String, _ body: @escaping @Sendable () -> Void) {
        let done = self.done
        let thread = Thread {
            body()
            done.signal()
        }
        thread.name = name
        thread.stackSize = WorkerThread.stackSize
        thread.start()
    }

    /// Waits for the closure to return (once; later calls return at once).
    func join() {
        guard !joined else { return }
        done.wait()
        joined = true
    }
}
