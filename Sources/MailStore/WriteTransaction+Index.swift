import GRDB

extension WriteTransaction {
    /// Records that the index holds the current document of these messages. A ticket whose message
    /// changed since it was read is ignored (the message stays pending). Returns how many were marked.
    @discardableResult
    public func markIndexed(_ tickets: [IndexTicket]) throws -> Int {
        let statement = try db.cachedStatement(sql: "UPDATE message SET index_state = 0 WHERE id = ? AND index_state = ?")
        var marked = 0
        for ticket in tickets {
            try statement.execute(arguments: [ticket.key.rawValue, ticket.stamp])
            marked += db.changesCount
        }
        return marked
    }

    /// Marks every message as needing its index document written (`cairn reindex`, or an index layout
    /// change). Returns the number of messages.
    @discardableResult
    public func markAllUnindexed() throws -> Int {
        try db.execute(sql: "UPDATE message SET index_state = index_state + 1")
        return db.changesCount
    }

    /// Records that the index no longer holds documents for these purged messages.
    public func clearIndexRemovals(_ keys: [MessageKey]) throws {
        let statement = try db.cachedStatement(sql: "DELETE FROM index_removal WHERE message = ?")
        for key in keys { try statement.execute(arguments: [key.rawValue]) }
    }
}
