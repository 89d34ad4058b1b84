import Foundation
import GRDB
import MailModel

extension WriteTransaction {
    /// Deletes messages for good (bytes, metadata, sightings), queues their index documents for
    /// removal and records the purge (`purge`, with every id) in the audit trail, all in this
    /// transaction. Refuses (deleting nothing) if an active hold covers any of them
    /// (`MessageUnderHoldError`). The only operation of the store that deletes a message.
    @discardableResult
    public func purge(_ keys: [MessageKey], reason: String? = nil) throws -> PurgeOutcome {
        let unique = Array(Set(keys)).sorted()
        guard !unique.isEmpty else {
            let entry = try appendAudit(AuditEvent(kind: .purge, fields: [
                "ids": .array([]), "count": .int(0), "reason": .optional(reason),
            ]))
            return PurgeOutcome(removed: [], bytes: 0, auditSequence: entry.sequence)
        }
        let keyList = ColumnText.keys(unique)
        var refs: [MessageRef] = []
        var bytes: Int64 = 0
        let rows = try Row.fetchAll(db.cachedStatement(
            sql: "SELECT id, digest, size FROM message WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id"),
            arguments: [keyList])
        for row in rows {
            guard let id = MessageID.fromBlob(row[1]) else { continue }
            refs.append(MessageRef(key: MessageKey(row[0] as Int64), id: id))
            bytes += row[2] as Int64
        }
        if refs.count != unique.count, let missing = unique.first(where: { key in !refs.contains { $0.key == key } }) {
            throw MessageNotFoundError(reference: missing.description)
        }
        let held = try Row.fetchAll(db.cachedStatement(sql: """
            SELECT hm.message, h.name FROM hold_message hm JOIN hold h ON h.id = hm.hold
            WHERE h.released_at IS NULL AND hm.message IN (SELECT value FROM json_each(?)) ORDER BY hm.message
            """), arguments: [keyList])
        if !held.isEmpty {
            let heldKeys = Set(held.map { MessageKey($0[0] as Int64) })
            throw MessageUnderHoldError(messages: refs.filter { heldKeys.contains($0.key) }.map(\.id),
                                        holds: Array(Set(held.map { $0[1] as String })).sorted())
        }
        try db.cachedStatement(sql: "DELETE FROM message WHERE id IN (SELECT value FROM json_each(?))")
            .execute(arguments: [keyList])
        let removal = try db.cachedStatement(sql: "INSERT OR REPLACE INTO index_removal(message, removed_at) VALUES (?, ?)")
        let time = now.rawValue
        for ref in refs { try removal.execute(arguments: [ref.key.rawValue, time]) }
        let entry = try appendAudit(AuditEvent(kind: .purge, fields: [
            "ids": .array(refs.map { .string($0.id.hex) }), "count": .int(Int64(refs.count)),
            "bytes": .int(bytes), "reason": .optional(reason),
        ]))
        return PurgeOutcome(removed: refs, bytes: bytes, auditSequence: entry.sequence)
    }
}
