/// One page of search results and the number of all matches.
public struct SearchPage: Hashable, Sendable {
    /// The hits of the page, in order.
    public var hits: [SearchHit]
    /// The number of matching messages (exact when ``isExact``, else Xapian's estimate).
    public var total: Int
    /// Whether ``total`` is exact.
    public var isExact: Bool

    /// Creates a page.
    public init(hits: [SearchHit], total: Int, isExact: Bool) {
        self.hits = hits
        self.total = total
        self.isExact = isExact
    }
}
