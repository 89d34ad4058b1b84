/// One page of threads and the number of all threads with matches.
public struct ThreadPage: Hashable, Sendable {
    /// The threads of the page, in order.
    public var threads: [ThreadHit]
    /// The number of threads with matches (exact when ``isExact``).
    public var total: Int
    /// Whether ``total`` is exact.
    public var isExact: Bool

    /// Creates a page.
    public init(threads: [ThreadHit], total: Int, isExact: Bool) {
        self.threads = threads
        self.total = total
        self.isExact = isExact
    }
}
