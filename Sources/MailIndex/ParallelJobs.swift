import Foundation

/// Collects the errors of jobs run on several threads at once (one per shard).
// @unchecked Sendable: `errors` is only touched under `lock`.
final class ParallelJobs: @unchecked Sendable {
    private let lock = NSLock()
    private var errors: [IndexError?]

    init(count: Int) {
        errors = Array(repeating: nil, count: count)
    }

    /// Runs job `index`, keeping its error.
    func record(_ index: Int, _ body: () throws(IndexError) -> Void) {
        do {
            try body()
        } catch {
            lock.lock()
            errors[index] = error
            lock.unlock()
        }
    }

    /// The first job's error, by job order.
    var firstError: IndexError? {
        lock.lock()
        defer { lock.unlock() }
        return errors.compactMap { $0 }.first
    }
}

/// Shard work handed to the threads of `DispatchQueue.concurrentPerform`.
// @unchecked Sendable: each element (a database and its documents) is used by exactly one thread,
// and the caller waits for all threads before touching any of them again.
struct UncheckedWork: @unchecked Sendable {
    let work: [(XapianWritableDatabase, [PreparedDocument])]
}
