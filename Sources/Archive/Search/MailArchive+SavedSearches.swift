import MailModel
import MailQuery
import MailStore

extension MailArchive {
    /// Parses a query typed at `now`, `query:NAME` taken from the archive's saved searches.
    public func parseQuery(_ text: String, now: Timestamp) throws(QueryError) -> SearchQuery {
        let store = self.store
        return try SearchQuery.parse(text, now: now) { name in
            try? store.read { try $0.savedSearch(named: name) }?.query
        }
    }

    /// The saved searches, by name.
    public func savedSearches() throws -> [SavedSearch] {
        try store.read { try $0.savedSearches() }
    }

    /// Saves (or replaces) a search after checking its name and that it parses, also where it
    /// uses other saved searches (a loop through itself is refused). Needs a writable archive.
    @discardableResult
    public func saveSearch(name: String, query text: String, now: Timestamp) throws -> SavedSearch {
        guard SavedSearchName.isValid(name) else { throw SavedSearchNameError(name: name) }
        let store = self.store
        _ = try SearchQuery.parse(text, now: now) { used in
            used == name ? text : try? store.read { try $0.savedSearch(named: used) }?.query
        }
        return try store.write { try $0.saveSearch(name: name, query: text) }
    }

    /// Deletes a saved search; false when there is none of that name. Needs a writable archive.
    @discardableResult
    public func deleteSavedSearch(named name: String) throws -> Bool {
        try store.write { try $0.deleteSavedSearch(named: name) }
    }
}
