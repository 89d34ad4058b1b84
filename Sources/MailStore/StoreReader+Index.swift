import GRDB

extension StoreReader {
    /// Messages whose index document is missing or stale, oldest key first, after `after`, at most
    /// `limit` (the indexer's catch-up after a crash between the store's and the index's commits).
    public func pendingIndexTickets(after: MessageKey? = nil, limit: Int) throws -> [IndexTicket] {
        try Row.fetchAll(db.cachedStatement(sql: """
            SELECT id, index_state FROM message WHERE index_state <> 0 AND id > ? ORDER BY id LIMIT ?
            """), arguments: [after?.rawValue ?? 0, limit]).map { IndexTicket(key: MessageKey($0[0] as Int64), stamp: $0[1]) }
    }

    /// Number of messages whose index document is missing or stale.
    public func pendingIndexCount() throws -> Int {
        try Int.fetchOne(db, sql: "SELECT count(*) FROM message WHERE index_state <> 0") ?? 0
    }

    /// Keys of purged messages whose index documents are still to be deleted.
    public func pendingIndexRemovals(limit: Int) throws -> [MessageKey] {
        try Int64.fetchAll(db.cachedStatement(sql: "SELECT message FROM index_removal ORDER BY message LIMIT ?"),
                           arguments: [limit]).map { MessageKey($0) }
    }

    /// Number of messages the index should hold a current document for (every message).
    public func indexedCount() throws -> Int {
        try Int.fetchOne(db, sql: "SELECT count(*) FROM message WHERE index_state = 0") ?? 0
    }
}
