/// The order of search results.
public enum SearchOrder: String, Hashable, Sendable, CaseIterable {
    /// Newest date first (undated last); ties by row id, highest first.
    case newest
    /// Oldest date first (undated first); ties by row id, lowest first.
    case oldest
    /// Best match first (BM25 over the words of the query).
    case relevance
}

/// One matching message.
public struct SearchHit: Hashable, Sendable {
    /// The store's row id of the message.
    public var rowID: Int64
    /// The shard it was found in.
    public var shard: String

    /// Creates a hit.
    public init(rowID: Int64, shard: String) {
        self.rowID = rowID
        self.shard = shard
    }
}

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
