import Foundation

/// A thread running one closure, with a stack large enough for deep MIME trees, that can be
/// waited for.
final class WorkerThread: @unchecked Sendable {
    // Safe: `done` is a semaphore; `joined` is only touched by the one thread that joins.
    private let done = DispatchSemaphore(value: 0)
    private var joined = false

    /// Stack size of worker threads: 8 MiB.
    static let stackSize = 8 << 20

    /// Starts `body` on a new thread named `name` (the kernel's name, which `top -H`, `ps -L` and
    /// `perf` show, is ``kernelName(_:)``).
    init(name: String, _ body: @escaping @Sendable () -> Void) {
        let done = self.done
        let kernelName = WorkerThread.kernelName(name)
        let thread = Thread {
            // Set from the thread itself: Foundation passes it on to pthread_setname_np then.
            Thread.current.name = kernelName
            body()
            done.signal()
        }
        thread.name = name
        thread.stackSize = WorkerThread.stackSize
        thread.start()
    }

    /// The name the kernel keeps for a thread: at most 15 bytes (Linux refuses longer ones, so
    /// Foundation's `Thread.name` never reaches it), without the `cairn.` that every thread has.
    static func kernelName(_ name: String) -> String {
        let short = name.hasPrefix("cairn.") ? name.dropFirst("cairn.".count) : Substring(name)
        var result = ""
        for character in short {
            guard result.utf8.count + character.utf8.count <= 15 else { break }
            result.append(character)
        }
        return result
    }

    /// Waits for the closure to return (once; later calls return at once).
    func join() {
        guard !joined else { return }
        done.wait()
        joined = true
    }
}
