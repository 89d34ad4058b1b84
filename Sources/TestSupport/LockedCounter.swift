import Foundation

/// A counter that tests share between threads and tasks (event handlers, workers).
public final class LockedCounter: @unchecked Sendable {
    // Safe: `count` is only touched with `lock` held.
    private let lock = NSLock()
    private var count = 0

    /// A counter at zero.
    public init() {}

    /// Adds one and returns the new count.
    @discardableResult
    public func increment() -> Int {
        lock.lock()
        defer { lock.unlock() }
        count += 1
        return count
    }

    /// The count.
    public var value: Int {
        lock.lock()
        defer { lock.unlock() }
        return count
    }
}
