import GRDB

extension WriteTransaction {
    /// Saves (or replaces) a named query.
    @discardableResult
    public func saveSearch(name: String, query: String) throws -> SavedSearch {
        let time = now
        try db.cachedStatement(sql: """
            INSERT INTO saved_search(name, query, created_at) VALUES (?, ?, ?)
            ON CONFLICT(name) DO UPDATE SET query = excluded.query, created_at = excluded.created_at
            """).execute(arguments: [name, query, time.rawValue])
        return SavedSearch(name: name, query: query, createdAt: time)
    }

    /// Deletes a saved search; returns whether there was one.
    @discardableResult
    public func deleteSavedSearch(named name: String) throws -> Bool {
        try db.cachedStatement(sql: "DELETE FROM saved_search WHERE name = ?").execute(arguments: [name])
        return db.changesCount > 0
    }
}
