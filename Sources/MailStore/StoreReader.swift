import Foundation
import GRDB
import MailModel

/// Read queries over the store, inside one read (or write) transaction: every answer comes from the
/// same consistent snapshot. Valid only inside the closure that received it.
public struct StoreReader {
    let db: Database
    /// Inflates stored chunks for every message this reader streams (its buffer grows to the
    /// largest chunk once, instead of once per message).
    let inflater = ChunkInflater()

    init(db: Database) {
        self.db = db
    }

    /// The key of the message with this id, if archived.
    public func messageKey(for id: MessageID) throws -> MessageKey? {
        try Int64.fetchOne(db.cachedStatement(sql: "SELECT id FROM message WHERE digest = ?"),
                           arguments: [id.digest.blob]).map { MessageKey($0) }
    }

    /// The id of the message with this key; `MessageNotFoundError` if there is none.
    public func messageID(of key: MessageKey) throws -> MessageID {
        guard let blob = try Data.fetchOne(db.cachedStatement(sql: "SELECT digest FROM message WHERE id = ?"),
                                           arguments: [key.rawValue]),
              let id = MessageID.fromBlob(blob) else { throw MessageNotFoundError(reference: key.description) }
        return id
    }

    /// Finds a message by its full id or a unique prefix of at least 8 hex digits (either case).
    ///
    /// Throws `InvalidMessageIDError` for anything else, `MessageNotFoundError` when nothing matches,
    /// `AmbiguousMessageIDError` when several messages do.
    public func resolve(_ text: String) throws -> MessageRef {
        let prefix = text.trimmingCharacters(in: .whitespaces).lowercased()
        guard MessageID.isPrefix(prefix) else { throw InvalidMessageIDError(length: text.count) }
        let low = SHA256Digest(hex: prefix + String(repeating: "0", count: 64 - prefix.count))!
        let high = SHA256Digest(hex: prefix + String(repeating: "f", count: 64 - prefix.count))!
        let rows = try Row.fetchAll(db.cachedStatement(
            sql: "SELECT id, digest FROM message WHERE digest BETWEEN ? AND ? ORDER BY digest LIMIT 5"),
            arguments: [low.blob, high.blob])
        let found = rows.compactMap { row in
            MessageID.fromBlob(row[1]).map { MessageRef(key: MessageKey(row[0] as Int64), id: $0) }
        }
        guard let first = found.first else { throw MessageNotFoundError(reference: prefix) }
        guard found.count == 1 else { throw AmbiguousMessageIDError(prefix: prefix, candidates: found.map(\.id)) }
        return first
    }

    /// Number of archived messages.
    public func messageCount() throws -> Int {
        try Int.fetchOne(db, sql: "SELECT count(*) FROM message") ?? 0
    }

    /// Keys of messages whose Message-ID header is `messageID` (with or without brackets): candidates
    /// for re-associating a folder by content after a UIDVALIDITY change.
    public func messageKeys(withHeaderMessageID messageID: String) throws -> [MessageKey] {
        guard let normalized = HeaderIDs.normalize(messageID) else { return [] }
        return try Int64.fetchAll(db.cachedStatement(sql: "SELECT id FROM message WHERE header_message_id = ? ORDER BY id"),
                                  arguments: [normalized]).map { MessageKey($0) }
    }

    /// Keys of every message of a thread, oldest key first.
    public func messageKeys(inThread thread: ThreadID) throws -> [MessageKey] {
        try Int64.fetchAll(db.cachedStatement(sql: "SELECT id FROM message WHERE thread = ? ORDER BY id"),
                           arguments: [thread.rawValue]).map { MessageKey($0) }
    }

    /// Calls `body` with every message's recorded identity and digests, in key order, until it returns
    /// false; one pass over the message table, no bytes read, memory flat.
    public func forEachMessage(_ body: (StoredMessageInfo) throws -> Bool) throws {
        let rows = try Row.fetchCursor(db, sql: "SELECT id, digest, raw_sha256, size, index_state FROM message ORDER BY id")
        while let row = try rows.next() {
            guard let id = MessageID.fromBlob(row[1]), let raw = SHA256Digest.fromBlob(row[2]) else { continue }
            let info = StoredMessageInfo(message: MessageRef(key: MessageKey(row[0] as Int64), id: id), rawSHA256: raw,
                                         size: row[3], isIndexed: (row[4] as Int64) == 0)
            if try !body(info) { return }
        }
    }

    /// Every message key in archive order, from `after` on, at most `limit` of them (for paging
    /// through the whole archive, e.g. to evaluate a hold's query).
    public func messageKeys(after: MessageKey? = nil, limit: Int) throws -> [MessageKey] {
        try Int64.fetchAll(db.cachedStatement(sql: "SELECT id FROM message WHERE id > ? ORDER BY id LIMIT ?"),
                           arguments: [after?.rawValue ?? 0, limit]).map { MessageKey($0) }
    }
}
