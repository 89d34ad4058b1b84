/// Waits that double after each failure, up to a maximum (reconnecting after network loss).
struct Backoff: Sendable {
    private let initial: Duration
    private let maximum: Duration
    private var current: Duration?

    /// Backoff from `initial`, doubling up to `maximum`.
    init(initial: Duration, maximum: Duration) {
        self.initial = initial
        self.maximum = maximum
    }

    /// The next wait.
    mutating func next() -> Duration {
        let wait = current.map { min($0 * 2, maximum) } ?? initial
        current = wait
        return wait
    }

    /// Back to the first wait (after a success).
    mutating func reset() {
        current = nil
    }
}
