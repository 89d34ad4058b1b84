import Foundation
import GRDB
import MailModel

/// The typed operations of one write transaction (see `MailStore.write`). Everything done through it
/// commits together with the audit entries that record it, or not at all.
///
/// Valid only inside the `write` closure that received it; not thread-safe.
public final class WriteTransaction {
    let db: Database
    let options: MailStore.Options
    /// Sequence and hash of the last audit entry, loaded on first append; nil = not loaded.
    var auditHead: (sequence: Int64, hash: SHA256Digest)?
    /// Whether a `MessageWriter` is open (one at a time).
    var messageWriterOpen = false
    private var deflaterStorage: ChunkDeflater?

    init(db: Database, options: MailStore.Options) {
        self.db = db
        self.options = options
    }

    /// Read queries inside this transaction (they see its own changes).
    public var reader: StoreReader { StoreReader(db: db) }

    /// The time the store records for what happens now.
    var now: Timestamp { options.clock() }

    /// The chunk compressor, made on first use.
    var deflater: ChunkDeflater {
        if let deflaterStorage { return deflaterStorage }
        let made = ChunkDeflater(level: options.compressionLevel)
        deflaterStorage = made
        return made
    }

    /// Called when the `write` closure returns.
    func finish() {
        deflaterStorage = nil
    }

    /// Marks messages as changed for the index (their index documents must be rewritten).
    func touchIndex(_ key: MessageKey) throws {
        try db.cachedStatement(sql: "UPDATE message SET index_state = index_state + 1 WHERE id = ?")
            .execute(arguments: [key.rawValue])
    }

    /// Starts a savepoint that `rollbackSavepoint` can undo without ending the transaction.
    func beginSavepoint(_ name: String) throws {
        try db.execute(sql: "SAVEPOINT \(name)")
    }

    /// Keeps what was done since the savepoint.
    func releaseSavepoint(_ name: String) throws {
        try db.execute(sql: "RELEASE SAVEPOINT \(name)")
    }

    /// Undoes what was done since the savepoint (the audit head is re-read afterwards).
    func rollbackSavepoint(_ name: String) throws {
        auditHead = nil
        try db.execute(sql: "ROLLBACK TO SAVEPOINT \(name)")
        try db.execute(sql: "RELEASE SAVEPOINT \(name)")
    }

    /// On a new archive, writes its creation facts and the first audit entry.
    func recordCreationIfNeeded() throws {
        let existing = try String.fetchOne(db, sql: "SELECT value FROM archive_info WHERE name = 'archive_uuid'")
        guard existing == nil else { return }
        let uuid = UUID().uuidString.lowercased()
        let created = now
        try db.execute(sql: "INSERT INTO archive_info(name, value) VALUES ('archive_uuid', ?), ('created_at', ?)",
                       arguments: [uuid, String(created.rawValue)])
        try appendAudit(AuditEvent(kind: .archiveCreated, fields: [
            "archive_uuid": .string(uuid),
            "schema": .string(SchemaMigration.all.last?.name ?? ""),
        ]))
    }
}
