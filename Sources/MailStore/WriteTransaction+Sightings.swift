import Foundation
import GRDB
import MailModel

extension WriteTransaction {
    /// Records that an archived message was seen somewhere: a new sighting, or the last-seen time,
    /// flags and MODSEQ of a known one. A new sighting of an already archived message gets a
    /// `message.sighted` audit entry; changed flags get `message.flags`.
    @discardableResult
    public func recordSighting(_ sighting: Sighting, of key: MessageKey) throws -> SightingOutcome {
        guard let digest = try Data.fetchOne(db.cachedStatement(sql: "SELECT digest FROM message WHERE id = ?"),
                                             arguments: [key.rawValue]),
              let id = MessageID.fromBlob(digest) else {
            throw MessageNotFoundError(reference: key.description)
        }
        return try recordSighting(sighting, of: key, id: id, auditAsSighted: true)
    }

    /// Updates the flags (and MODSEQ) of a message seen at a UID; returns the message's key when the
    /// flags changed (recorded in the audit trail), nil when unchanged or the UID is unknown.
    @discardableResult
    public func updateFlags(account: String, folder: MailboxName, uidValidity: UIDValidity, uid: UID, flags: Set<Flag>,
                            modSeq: ModSeq? = nil) throws -> MessageKey? {
        guard let row = try Row.fetchOne(db.cachedStatement(sql: """
            SELECT s.id, s.message, s.flags, m.digest FROM sighting s JOIN message m ON m.id = s.message
            WHERE s.account = ? AND s.folder = ? AND s.uidvalidity = ? AND s.uid = ?
            """), arguments: [account, folder.path, Int64(uidValidity.rawValue), Int64(uid.rawValue)]) else { return nil }
        let sightingID: Int64 = row[0]
        let key = MessageKey(row[1] as Int64)
        let old: String = row[2]
        let new = ColumnText.flags(flags)
        try db.cachedStatement(sql: "UPDATE sighting SET flags = ?, modseq = coalesce(?, modseq), last_seen = ? WHERE id = ?")
            .execute(arguments: [new, modSeq.map { Int64($0.rawValue) }, now.rawValue, sightingID])
        guard old != new, let id = MessageID.fromBlob(row[3]) else { return nil }
        try touchIndex(key)
        try appendAudit(flagsEvent(id: id, account: account, folder: folder, uidValidity: uidValidity, uid: uid,
                                   old: old, new: new))
        return key
    }

    /// Marks the sightings at these UIDs as seen gone from the server (the messages stay archived) and
    /// returns the keys of the messages affected. Each gets a `message.expunged` audit entry.
    @discardableResult
    public func markExpunged(account: String, folder: MailboxName, uidValidity: UIDValidity, uids: [UID]) throws -> [MessageKey] {
        let time = now
        let select = try db.cachedStatement(sql: """
            SELECT s.id, s.message, m.digest FROM sighting s JOIN message m ON m.id = s.message
            WHERE s.account = ? AND s.folder = ? AND s.uidvalidity = ? AND s.uid = ? AND s.expunged_at IS NULL
            """)
        let update = try db.cachedStatement(sql: "UPDATE sighting SET expunged_at = ? WHERE id = ?")
        var keys: [MessageKey] = []
        for uid in uids {
            guard let row = try Row.fetchOne(select, arguments: [account, folder.path, Int64(uidValidity.rawValue),
                                                                 Int64(uid.rawValue)]) else { continue }
            try update.execute(arguments: [time.rawValue, row[0] as Int64])
            let key = MessageKey(row[1] as Int64)
            try touchIndex(key)
            keys.append(key)
            if let id = MessageID.fromBlob(row[2]) {
                try appendAudit(AuditEvent(kind: .messageExpunged, fields: [
                    "id": .string(id.hex), "account": .string(account), "folder": .string(folder.path),
                    "uidvalidity": .int(Int64(uidValidity.rawValue)), "uid": .int(Int64(uid.rawValue)),
                ]))
            }
        }
        return keys
    }

    /// Marks every live sighting of a folder as gone, except those of `keeping` (after a UIDVALIDITY
    /// change: the old UIDs are void; the engine re-sees the messages under the new ones). Returns the
    /// number of sightings marked; the UIDVALIDITY change entry of `setFolderState` records why.
    @discardableResult
    public func retireSightings(account: String, folder: MailboxName, keeping uidValidity: UIDValidity?) throws -> Int {
        let keys = try Int64.fetchAll(db.cachedStatement(sql: """
            UPDATE sighting SET expunged_at = ?
            WHERE account = ? AND folder = ? AND uid IS NOT NULL AND expunged_at IS NULL AND uidvalidity IS NOT ?
            RETURNING message
            """), arguments: [now.rawValue, account, folder.path, uidValidity.map { Int64($0.rawValue) }])
        for key in Set(keys) { try touchIndex(MessageKey(key)) }
        return keys.count
    }

    /// The sighting upsert behind inserts and `recordSighting(_:of:)`.
    func recordSighting(_ sighting: Sighting, of key: MessageKey, id: MessageID, auditAsSighted: Bool) throws -> SightingOutcome {
        let time = now.rawValue
        let flags = ColumnText.flags(sighting.flags)
        let existing: Row?
        if let uidValidity = sighting.uidValidity, let uid = sighting.uid {
            existing = try Row.fetchOne(db.cachedStatement(sql: """
                SELECT id, message, flags, expunged_at FROM sighting
                WHERE account = ? AND folder = ? AND uidvalidity = ? AND uid = ?
                """), arguments: [sighting.account, sighting.folder.path, Int64(uidValidity.rawValue), Int64(uid.rawValue)])
        } else {
            existing = try Row.fetchOne(db.cachedStatement(sql: """
                SELECT id, message, flags, expunged_at FROM sighting
                WHERE account = ? AND folder = ? AND message = ? AND uid IS NULL
                """), arguments: [sighting.account, sighting.folder.path, key.rawValue])
        }
        guard let existing else {
            try db.cachedStatement(sql: """
                INSERT INTO sighting(message, source, account, folder, uidvalidity, uid, flags, internal_date, modseq,
                                     first_seen, last_seen)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """).execute(arguments: [
                    key.rawValue, sighting.source.rawValue, sighting.account, sighting.folder.path,
                    sighting.uidValidity.map { Int64($0.rawValue) }, sighting.uid.map { Int64($0.rawValue) }, flags,
                    sighting.internalDate?.rawValue, sighting.modSeq.map { Int64($0.rawValue) }, time, time,
                ])
            if auditAsSighted {
                try touchIndex(key)
                try appendAudit(.messageSighted(id: id, sighting: sighting))
            }
            return .added
        }
        let existingKey = MessageKey(existing[1] as Int64)
        guard existingKey == key else { return .conflict(existing: existingKey) }
        let oldFlags: String = existing[2]
        let wasExpunged = (existing[3] as Int64?) != nil
        try db.cachedStatement(sql: """
            UPDATE sighting SET last_seen = ?, flags = ?, modseq = coalesce(?, modseq),
                                internal_date = coalesce(internal_date, ?), expunged_at = NULL
            WHERE id = ?
            """).execute(arguments: [time, flags, sighting.modSeq.map { Int64($0.rawValue) },
                                     sighting.internalDate?.rawValue, existing[0] as Int64])
        if oldFlags != flags || wasExpunged { try touchIndex(key) }
        if oldFlags != flags {
            try appendAudit(flagsEvent(id: id, account: sighting.account, folder: sighting.folder,
                                       uidValidity: sighting.uidValidity, uid: sighting.uid, old: oldFlags, new: flags))
        }
        return .updated
    }

    private func flagsEvent(id: MessageID, account: String, folder: MailboxName, uidValidity: UIDValidity?, uid: UID?,
                            old: String, new: String) -> AuditEvent {
        func list(_ text: String) -> AuditValue {
            .array(text.split(separator: " ").map { .string(String($0)) })
        }
        return AuditEvent(kind: .flagsChanged, fields: [
            "id": .string(id.hex), "account": .string(account), "folder": .string(folder.path),
            "uidvalidity": .optional(uidValidity.map { Int64($0.rawValue) }), "uid": .optional(uid.map { Int64($0.rawValue) }),
            "old": list(old), "new": list(new),
        ])
    }
}
