import Foundation

/// A first-in first-out queue of bounded size shared between threads: `put` waits while it is full
/// (back-pressure), `take` waits while it is empty, and `close` wakes everyone.
final class BoundedQueue<Element>: @unchecked Sendable {
    // Safe: every access to `items` and `closed` happens with `condition` locked.
    private let condition = NSCondition()
    /// Taken slots are set to nil at once, so that the queue never keeps a taken element alive.
    private var items: [Element?] = []
    private var head = 0
    private var closed = false
    private let capacity: Int

    /// A queue holding at most `capacity` elements.
    init(capacity: Int) {
        self.capacity = max(1, capacity)
    }

    /// Adds an element, waiting while the queue is full; false when the queue was closed.
    @discardableResult
    func put(_ element: Element) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while items.count - head >= capacity && !closed { condition.wait() }
        guard !closed else { return false }
        items.append(element)
        condition.broadcast()
        return true
    }

    /// What ``take(until:)`` found.
    enum Taken {
        /// The oldest element.
        case element(Element)
        /// Nothing arrived before the deadline.
        case timedOut
        /// The queue is closed and drained.
        case closed
    }

    /// Removes the oldest element, waiting while the queue is empty; nil once it is closed and drained.
    func take() -> Element? {
        if case .element(let element) = take(until: nil) { return element }
        return nil
    }

    /// Removes the oldest element, waiting while the queue is empty, at most until `deadline`
    /// (forever without one).
    func take(until deadline: Date?) -> Taken {
        condition.lock()
        defer { condition.unlock() }
        while items.count == head && !closed {
            if let deadline {
                if !condition.wait(until: deadline) && items.count == head && !closed { return .timedOut }
            } else {
                condition.wait()
            }
        }
        guard items.count > head, let element = items[head] else { return .closed }
        items[head] = nil
        head += 1
        if head == items.count {
            items.removeAll(keepingCapacity: true)
            head = 0
        } else if head > 1024 && head * 2 > items.count {
            items.removeFirst(head)
            head = 0
        }
        condition.broadcast()
        return .element(element)
    }

    /// Stops accepting elements; `take` drains what is left, then returns nil.
    func close() {
        condition.lock()
        closed = true
        condition.broadcast()
        condition.unlock()
    }
}
