import Foundation

/// The folders of an account waiting for a connection, shared by the account's sync workers:
/// largest first, so that the connections finish together.
final class FolderQueue: @unchecked Sendable {
    // Safe: every access to the mutable state takes `lock`.
    private let lock = NSLock()
    private var jobs: [FolderJob]
    private var lastFailure: SyncFailure?

    init(_ jobs: [FolderJob]) {
        self.jobs = jobs.sorted { ($0.estimate, $1.name.path) > ($1.estimate, $0.name.path) }
    }

    /// The next folder, if any.
    func next() -> FolderJob? {
        lock.lock()
        defer { lock.unlock() }
        return jobs.isEmpty ? nil : jobs.removeFirst()
    }

    /// Puts a folder back to be tried again (by any worker).
    func retry(_ job: FolderJob) {
        lock.lock()
        var again = job
        again.attempts += 1
        jobs.append(again)
        lock.unlock()
    }

    /// Whether folders are waiting.
    var hasWork: Bool {
        lock.lock()
        defer { lock.unlock() }
        return !jobs.isEmpty
    }

    /// The number of folders waiting.
    var count: Int {
        lock.lock()
        defer { lock.unlock() }
        return jobs.count
    }

    /// Records why a worker lost its connection.
    func noteFailure(_ failure: SyncFailure) {
        lock.lock()
        lastFailure = failure
        lock.unlock()
    }

    /// Takes every folder left, with the last connection failure (when workers gave up).
    func drain() -> ([FolderJob], SyncFailure?) {
        lock.lock()
        defer { lock.unlock() }
        let left = jobs
        jobs = []
        return (left, lastFailure)
    }
}
