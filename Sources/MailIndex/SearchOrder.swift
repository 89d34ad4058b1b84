/// The order of search results.
public enum SearchOrder: String, Hashable, Sendable, CaseIterable {
    /// Newest date first (undated last); ties by row id, highest first.
    case newest
    /// Oldest date first (undated first); ties by row id, lowest first.
    case oldest
    /// Best match first (BM25 over the words of the query).
    case relevance
}
