import GRDB
import MailModel

extension WriteTransaction {
    /// Places a legal hold (audit: `hold.placed`); `HoldExistsError` if an active hold has the name.
    /// The engine then adds the messages its query matches with `addToHold`.
    @discardableResult
    public func placeHold(name: String, query: String, reason: String?) throws -> Hold {
        if try reader.hold(named: name) != nil { throw HoldExistsError(name: name) }
        let placedAt = now
        try db.cachedStatement(sql: "INSERT INTO hold(name, query, reason, placed_at) VALUES (?, ?, ?, ?)")
            .execute(arguments: [name, query, reason, placedAt.rawValue])
        let id = db.lastInsertedRowID
        try appendAudit(AuditEvent(kind: .holdPlaced, fields: [
            "name": .string(name), "query": .string(query), "reason": .optional(reason), "hold": .int(id),
        ]))
        return Hold(id: id, name: name, query: query, reason: reason, placedAt: placedAt, releasedAt: nil, messageCount: 0)
    }

    /// Adds messages to the set an active hold covers; returns how many were not covered by it yet.
    @discardableResult
    public func addToHold(named name: String, _ keys: [MessageKey]) throws -> Int {
        guard let hold = try reader.hold(named: name) else { throw HoldNotFoundError(name: name) }
        let statement = try db.cachedStatement(
            sql: "INSERT OR IGNORE INTO hold_message(hold, message, added_at) VALUES (?, ?, ?)")
        let time = now.rawValue
        var added = 0
        for key in keys {
            try statement.execute(arguments: [hold.id, key.rawValue, time])
            if db.changesCount > 0 {
                added += 1
                try touchIndex(key)
            }
        }
        return added
    }

    /// Releases an active hold (audit: `hold.released`); its messages may be purged again unless
    /// another hold covers them.
    @discardableResult
    public func releaseHold(named name: String) throws -> Hold {
        guard var hold = try reader.hold(named: name) else { throw HoldNotFoundError(name: name) }
        let releasedAt = now
        try db.cachedStatement(sql: "UPDATE hold SET released_at = ? WHERE id = ?").execute(arguments: [releasedAt.rawValue, hold.id])
        try db.cachedStatement(sql: """
            UPDATE message SET index_state = index_state + 1 WHERE id IN (SELECT message FROM hold_message WHERE hold = ?)
            """).execute(arguments: [hold.id])
        try appendAudit(AuditEvent(kind: .holdReleased, fields: [
            "name": .string(name), "hold": .int(hold.id), "messages": .int(Int64(hold.messageCount)),
        ]))
        hold.releasedAt = releasedAt
        return hold
    }
}
