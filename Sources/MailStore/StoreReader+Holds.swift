import GRDB
import MailModel

extension StoreReader {
    /// Holds with their message counts, oldest first; released ones only when asked.
    public func holds(includingReleased: Bool = false) throws -> [Hold] {
        try Row.fetchAll(db.cachedStatement(sql: """
            SELECT h.id, h.name, h.query, h.reason, h.placed_at, h.released_at,
                   (SELECT count(*) FROM hold_message hm WHERE hm.hold = h.id)
            FROM hold h WHERE ? OR h.released_at IS NULL ORDER BY h.id
            """), arguments: [includingReleased]).map(Self.hold)
    }

    /// The active hold with this name, if any.
    public func hold(named name: String) throws -> Hold? {
        try Row.fetchOne(db.cachedStatement(sql: """
            SELECT h.id, h.name, h.query, h.reason, h.placed_at, h.released_at,
                   (SELECT count(*) FROM hold_message hm WHERE hm.hold = h.id)
            FROM hold h WHERE h.name = ? AND h.released_at IS NULL
            """), arguments: [name]).map(Self.hold)
    }

    /// The messages an active hold covers, by key.
    public func messageKeys(inHold name: String) throws -> [MessageKey] {
        try Int64.fetchAll(db.cachedStatement(sql: """
            SELECT hm.message FROM hold_message hm JOIN hold h ON h.id = hm.hold
            WHERE h.name = ? AND h.released_at IS NULL ORDER BY hm.message
            """), arguments: [name]).map { MessageKey($0) }
    }

    /// Those of `keys` that an active hold covers.
    public func heldKeys(among keys: [MessageKey]) throws -> Set<MessageKey> {
        guard !keys.isEmpty else { return [] }
        return Set(try Int64.fetchAll(db.cachedStatement(sql: """
            SELECT DISTINCT hm.message FROM hold_message hm JOIN hold h ON h.id = hm.hold
            WHERE h.released_at IS NULL AND hm.message IN (SELECT value FROM json_each(?))
            """), arguments: [ColumnText.keys(keys)]).map { MessageKey($0) })
    }

    private static func hold(_ row: Row) -> Hold {
        Hold(id: row[0], name: row[1], query: row[2], reason: row[3], placedAt: Timestamp(rawValue: row[4]),
             releasedAt: (row[5] as Int64?).map(Timestamp.init(rawValue:)), messageCount: row[6])
    }
}
