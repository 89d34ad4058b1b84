import GRDB

extension StoreReader {
    /// Saved searches by name.
    public func savedSearches() throws -> [SavedSearch] {
        try Row.fetchAll(db.cachedStatement(sql: "SELECT name, query, created_at FROM saved_search ORDER BY name"))
            .map { SavedSearch(name: $0[0], query: $0[1], createdAt: .init(rawValue: $0[2])) }
    }

    /// The saved search with this name, if any.
    public func savedSearch(named name: String) throws -> SavedSearch? {
        try Row.fetchOne(db.cachedStatement(sql: "SELECT name, query, created_at FROM saved_search WHERE name = ?"),
                         arguments: [name]).map { SavedSearch(name: $0[0], query: $0[1], createdAt: .init(rawValue: $0[2])) }
    }
}
