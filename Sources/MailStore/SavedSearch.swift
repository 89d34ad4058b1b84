import MailModel

/// A named query.
public struct SavedSearch: Hashable, Sendable {
    /// The name.
    public var name: String
    /// The query text.
    public var query: String
    /// When it was saved (last).
    public var createdAt: Timestamp

    /// Creates a saved search.
    public init(name: String, query: String, createdAt: Timestamp) {
        self.name = name
        self.query = query
        self.createdAt = createdAt
    }
}
