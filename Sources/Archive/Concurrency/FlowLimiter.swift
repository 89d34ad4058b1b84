import Foundation

/// Back-pressure for a pipeline: admits work while fewer than `maxItems` items and `maxBytes` bytes
/// are in flight, and makes the submitter wait (a thread blocks, a task suspends) until enough
/// earlier work has left. One item is always admitted when nothing is in flight, so an item larger
/// than `maxBytes` still passes, alone.
final class FlowLimiter: @unchecked Sendable {
    // Safe: every access to the mutable state happens with `condition` locked.
    private let condition = NSCondition()
    private let maxItems: Int
    private let maxBytes: Int
    private var items = 0
    private var bytes = 0
    private var failed = false
    private var waiters: [(bytes: Int, continuation: CheckedContinuation<Bool, Never>)] = []

    /// A limiter admitting at most `maxItems` items and `maxBytes` bytes at once.
    init(maxItems: Int, maxBytes: Int) {
        self.maxItems = max(1, maxItems)
        self.maxBytes = max(1, maxBytes)
    }

    private func fits(_ size: Int) -> Bool {
        items == 0 || (items < maxItems && bytes + size <= maxBytes)
    }

    /// Waits (blocking the thread) until an item of `size` bytes fits; false once the limiter failed.
    func acquire(bytes size: Int) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while !failed && (!waiters.isEmpty || !fits(size)) { condition.wait() }
        guard !failed else { return false }
        items += 1
        bytes += size
        return true
    }

    /// Waits (suspending the task) until an item of `size` bytes fits; false once the limiter failed.
    func acquire(bytes size: Int) async -> Bool {
        await withCheckedContinuation { continuation in
            enqueue(size, continuation)
        }
    }

    /// Admits at once, or queues the waiting task (resumed by `release` or `fail`).
    private func enqueue(_ size: Int, _ continuation: CheckedContinuation<Bool, Never>) {
        condition.lock()
        if failed {
            condition.unlock()
            continuation.resume(returning: false)
        } else if waiters.isEmpty && fits(size) {
            items += 1
            bytes += size
            condition.unlock()
            continuation.resume(returning: true)
        } else {
            waiters.append((size, continuation))
            condition.unlock()
        }
    }

    /// Marks an item of `size` bytes as gone, letting waiting submitters in.
    func release(bytes size: Int) {
        condition.lock()
        items -= 1
        bytes -= size
        let resumed = admitWaiters()
        condition.broadcast()
        condition.unlock()
        for continuation in resumed { continuation.resume(returning: true) }
    }

    /// Stops admitting: every waiter and every later `acquire` returns false.
    func fail() {
        condition.lock()
        failed = true
        let waiting = waiters.map(\.continuation)
        waiters.removeAll()
        condition.broadcast()
        condition.unlock()
        for continuation in waiting { continuation.resume(returning: false) }
    }

    /// Admits suspended tasks in order while they fit (called with the lock held).
    private func admitWaiters() -> [CheckedContinuation<Bool, Never>] {
        var resumed: [CheckedContinuation<Bool, Never>] = []
        while let first = waiters.first, fits(first.bytes) {
            waiters.removeFirst()
            items += 1
            bytes += first.bytes
            resumed.append(first.continuation)
        }
        return resumed
    }
}
