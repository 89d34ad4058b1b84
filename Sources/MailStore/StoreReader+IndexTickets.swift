import GRDB

extension StoreReader {
    /// The index tickets of those of `keys` whose index document is missing or stale, in key order
    /// (the engine reads them in the transaction that changed the messages, and marks them indexed
    /// once the index has their new documents or states).
    public func indexTickets(of keys: [MessageKey]) throws -> [IndexTicket] {
        guard !keys.isEmpty else { return [] }
        return try Row.fetchAll(db.cachedStatement(sql: """
            SELECT id, index_state FROM message
            WHERE id IN (SELECT value FROM json_each(?)) AND index_state <> 0 ORDER BY id
            """), arguments: [ColumnText.keys(keys)]).map { IndexTicket(key: MessageKey($0[0] as Int64), stamp: $0[1]) }
    }
}
