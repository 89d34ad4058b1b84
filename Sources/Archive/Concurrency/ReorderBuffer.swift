import Foundation

/// Puts results that arrive out of order (from parallel workers) back into the order of their
/// sequence numbers, 0, 1, 2, ...: `take` hands out the next one only once it is there.
final class ReorderBuffer<Element>: @unchecked Sendable {
    // Safe: every access to the mutable state happens with `condition` locked.
    private let condition = NSCondition()
    private var waiting: [Int: Element] = [:]
    private var next = 0
    private var end: Int?

    /// What `take` found.
    enum Taken {
        /// The next element in order.
        case element(Element)
        /// Nothing arrived before the deadline.
        case timedOut
        /// Every element up to the end was taken.
        case finished
    }

    /// Adds the element with this sequence number.
    func insert(_ element: Element, at sequence: Int) {
        condition.lock()
        waiting[sequence] = element
        if sequence == next { condition.broadcast() }
        condition.unlock()
    }

    /// Says that no sequence number at or past `count` will come.
    func close(count: Int) {
        condition.lock()
        end = count
        condition.broadcast()
        condition.unlock()
    }

    /// The next element in order, waiting for it until `deadline` (forever when nil).
    func take(until deadline: Date? = nil) -> Taken {
        condition.lock()
        defer { condition.unlock() }
        while true {
            if let element = waiting.removeValue(forKey: next) {
                next += 1
                return .element(element)
            }
            if let end, next >= end { return .finished }
            if let deadline {
                if !condition.wait(until: deadline) { return .timedOut }
            } else {
                condition.wait()
            }
        }
    }
}
