import Foundation
import GRDB
import MailModel

// Read queries for `cairn verify`: totals, the store's side of the store/index comparison, and the
// audit facts that prove completeness.

extension StoreReader {
    /// Message count, bytes, and the index work still pending, in one snapshot.
    public func messageTotals() throws -> MessageTotals {
        let row = try Row.fetchOne(db, sql: """
            SELECT count(*), coalesce(sum(size), 0), coalesce(sum(index_state <> 0), 0),
                   (SELECT count(*) FROM index_removal)
            FROM message
            """)
        return MessageTotals(messages: row?[0] ?? 0, bytes: row?[1] ?? 0, pendingIndex: row?[2] ?? 0,
                             pendingRemovals: row?[3] ?? 0)
    }

    /// The messages whose id starts with `hexPrefix` (lowercase hex, "" for all), in id order, with
    /// whether their index document is still to be written or updated.
    public func indexInventory(idHexPrefix hexPrefix: String) throws -> [IndexInventoryItem] {
        let prefix = hexPrefix.lowercased()
        guard prefix.count <= 64, prefix.allSatisfy(\.isHexDigit),
              let low = SHA256Digest(hex: prefix + String(repeating: "0", count: 64 - prefix.count)),
              let high = SHA256Digest(hex: prefix + String(repeating: "f", count: 64 - prefix.count)) else { return [] }
        return try Row.fetchAll(db.cachedStatement(sql: """
            SELECT id, digest, index_state FROM message WHERE digest BETWEEN ? AND ? ORDER BY digest
            """), arguments: [low.blob, high.blob]).compactMap { row in
            guard let id = MessageID.fromBlob(row[1]) else { return nil }
            return IndexInventoryItem(message: MessageRef(key: MessageKey(row[0] as Int64), id: id),
                                      isIndexPending: (row[2] as Int64) != 0)
        }
    }

    /// Keys of every purged message whose index document is still to be deleted.
    public func pendingIndexRemovalKeys() throws -> Set<MessageKey> {
        Set(try Int64.fetchAll(db, sql: "SELECT message FROM index_removal").map { MessageKey($0) })
    }

    /// Number of audit entries of a kind.
    public func auditEntryCount(kind: AuditKind) throws -> Int {
        try Int.fetchOne(db.cachedStatement(sql: "SELECT count(*) FROM audit WHERE kind = ?"),
                         arguments: [kind.rawValue]) ?? 0
    }

    /// The audit entries of one kind, in chain order.
    public func auditEntries(kind: AuditKind) throws -> [AuditEntry] {
        try Row.fetchAll(db.cachedStatement(sql: """
            SELECT seq, time, kind, payload, prev_hash, hash FROM audit WHERE kind = ? ORDER BY seq
            """), arguments: [kind.rawValue]).map { row in
            AuditEntry(sequence: row[0], time: Timestamp(rawValue: row[1]), kind: AuditKind(rawValue: row[2]),
                       payload: row[3], previousHash: SHA256Digest.fromBlob(row[4]) ?? AuditChain.genesis,
                       hash: SHA256Digest.fromBlob(row[5]) ?? AuditChain.genesis)
        }
    }

    /// `message.archived` entries whose message the store no longer has (purged, or lost), in chain
    /// order, at most `limit` of them; an entry whose id cannot be read counts too (with a nil id).
    public func archivedEntriesWithoutMessage(limit: Int = 10_000) throws -> [ArchivedEntryGap] {
        let entries = try Row.fetchCursor(db, sql: """
            SELECT seq, json_extract(payload, '$.id') FROM audit WHERE kind = ? ORDER BY seq
            """, arguments: [AuditKind.messageArchived.rawValue])
        let lookup = try db.cachedStatement(sql: "SELECT 1 FROM message WHERE digest = ?")
        var gaps: [ArchivedEntryGap] = []
        while gaps.count < limit, let row = try entries.next() {
            let sequence: Int64 = row[0]
            guard let hex = row[1] as String?, let id = MessageID(hex: hex) else {
                gaps.append(ArchivedEntryGap(sequence: sequence, id: nil))
                continue
            }
            if try Int.fetchOne(lookup, arguments: [id.digest.blob]) == nil {
                gaps.append(ArchivedEntryGap(sequence: sequence, id: id))
            }
        }
        return gaps
    }
}
