import Foundation
import GRDB
import MailModel

extension StoreReader {
    /// The list fields of many messages at once, in the order of `keys` (unknown keys are skipped).
    /// Five queries whatever the number of keys, so thousands of search results cost milliseconds.
    public func summaries(of keys: [MessageKey]) throws -> [MessageSummary] {
        guard !keys.isEmpty else { return [] }
        let keyList = ColumnText.keys(keys)
        var byKey: [Int64: MessageSummary] = [:]
        byKey.reserveCapacity(keys.count)
        let rows = try Row.fetchCursor(db.cachedStatement(sql: """
            SELECT id, digest, raw_sha256, header_message_id, thread, date, archived_at, subject, size, list_id
            FROM message WHERE id IN (SELECT value FROM json_each(?))
            """), arguments: [keyList])
        while let row = try rows.next() {
            guard let id = MessageID.fromBlob(row[1]), let raw = SHA256Digest.fromBlob(row[2]) else { continue }
            let key: Int64 = row[0]
            byKey[key] = MessageSummary(
                key: MessageKey(key), id: id, rawSHA256: raw, messageID: row[3], thread: ThreadID(row[4] as Int64),
                date: (row[5] as Int64?).map(Timestamp.init(rawValue:)), archivedAt: Timestamp(rawValue: row[6]),
                from: [], to: [], cc: [], bcc: [], subject: row[7], size: row[8], listID: row[9], folders: [],
                flags: [], isExpunged: false, attachments: [], holds: [])
        }
        try addAddresses(to: &byKey, keyList)
        try addSightings(to: &byKey, keyList)
        try addAttachments(to: &byKey, keyList)
        try addHolds(to: &byKey, keyList)
        return keys.compactMap { byKey[$0.rawValue] }
    }

    /// The list fields of one message; `MessageNotFoundError` if there is none.
    public func summary(of key: MessageKey) throws -> MessageSummary {
        guard let summary = try summaries(of: [key]).first else { throw MessageNotFoundError(reference: key.description) }
        return summary
    }

    /// Everything stored about one message besides its bytes.
    public func details(of key: MessageKey) throws -> MessageDetails {
        let summary = try summary(of: key)
        guard let row = try Row.fetchOne(db.cachedStatement(
            sql: "SELECT in_reply_to, refs, warnings, stored_size FROM message WHERE id = ?"), arguments: [key.rawValue])
        else { throw MessageNotFoundError(reference: key.description) }
        var sender: [Address] = []
        var replyTo: [Address] = []
        let addresses = try Row.fetchCursor(db.cachedStatement(sql: """
            SELECT role, name, address FROM message_address WHERE message = ? AND role IN ('sender', 'reply-to')
            ORDER BY role, position
            """), arguments: [key.rawValue])
        while let address = try addresses.next() {
            let value = Address(name: address[1], address: address[2])
            if (address[0] as String) == "sender" { sender.append(value) } else { replyTo.append(value) }
        }
        return MessageDetails(summary: summary, sender: sender, replyTo: replyTo,
                              inReplyTo: ColumnText.parseList(row[0]), references: ColumnText.parseList(row[1]),
                              warnings: ColumnText.parseList(row[2]), storedSize: row[3],
                              sightings: try sightings(of: key))
    }

    private func addAddresses(to byKey: inout [Int64: MessageSummary], _ keyList: String) throws {
        let rows = try Row.fetchCursor(db.cachedStatement(sql: """
            SELECT message, role, name, address FROM message_address
            WHERE message IN (SELECT value FROM json_each(?)) AND role IN ('from', 'to', 'cc', 'bcc')
            ORDER BY message, role, position
            """), arguments: [keyList])
        while let row = try rows.next() {
            let key: Int64 = row[0]
            let address = Address(name: row[2], address: row[3])
            switch row[1] as String {
            case "from": byKey[key]?.from.append(address)
            case "to": byKey[key]?.to.append(address)
            case "cc": byKey[key]?.cc.append(address)
            default: byKey[key]?.bcc.append(address)
            }
        }
    }

    private func addSightings(to byKey: inout [Int64: MessageSummary], _ keyList: String) throws {
        var liveFlags: [Int64: Set<Flag>] = [:]
        var allFlags: [Int64: Set<Flag>] = [:]
        var live: Set<Int64> = []
        // Result lists repeat a handful of folders and flag sets: decode each once.
        var folderNames: [String: MailboxName] = [:]
        var flagSets: [String: Set<Flag>] = [:]
        let rows = try Row.fetchCursor(db.cachedStatement(sql: """
            SELECT message, account, folder, flags, expunged_at FROM sighting
            WHERE message IN (SELECT value FROM json_each(?))
            """), arguments: [keyList])
        while let row = try rows.next() {
            let key: Int64 = row[0]
            let folderText: String = row[2]
            let folder = folderNames[folderText] ?? MailboxName(folderText)
            folderNames[folderText] = folder
            let location = MessageLocation(account: row[1], folder: folder)
            if byKey[key]?.folders.contains(location) == false { byKey[key]?.folders.append(location) }
            let flagsText: String = row[3]
            let flags = flagSets[flagsText] ?? ColumnText.parseFlags(flagsText)
            flagSets[flagsText] = flags
            allFlags[key, default: []].formUnion(flags)
            if (row[4] as Int64?) == nil {
                live.insert(key)
                liveFlags[key, default: []].formUnion(flags)
            }
        }
        for (key, flags) in allFlags {
            byKey[key]?.folders.sort()
            byKey[key]?.isExpunged = !live.contains(key)
            byKey[key]?.flags = live.contains(key) ? liveFlags[key] ?? [] : flags
        }
    }

    private func addAttachments(to byKey: inout [Int64: MessageSummary], _ keyList: String) throws {
        let rows = try Row.fetchCursor(db.cachedStatement(sql: """
            SELECT message, path, filename, content_type, size, sha256 FROM attachment
            WHERE message IN (SELECT value FROM json_each(?)) ORDER BY message, position
            """), arguments: [keyList])
        while let row = try rows.next() {
            let key: Int64 = row[0]
            byKey[key]?.attachments.append(AttachmentInfo(path: row[1], filename: row[2], contentType: row[3],
                                                          size: row[4], sha256: SHA256Digest.fromBlob(row[5])))
        }
    }

    private func addHolds(to byKey: inout [Int64: MessageSummary], _ keyList: String) throws {
        let rows = try Row.fetchCursor(db.cachedStatement(sql: """
            SELECT hm.message, h.name FROM hold_message hm JOIN hold h ON h.id = hm.hold
            WHERE h.released_at IS NULL AND hm.message IN (SELECT value FROM json_each(?)) ORDER BY hm.message, h.name
            """), arguments: [keyList])
        while let row = try rows.next() {
            byKey[row[0] as Int64]?.holds.append(row[1])
        }
    }
}
