import Foundation
import GRDB
import MailModel

extension MailStore {
    /// GRDB configuration: foreign keys on, synchronous=NORMAL (WAL: no fsync per transaction, never
    /// corrupt), a busy timeout for SQLite's short internal locks, secure deletion (purged bytes are
    /// overwritten), and a 64 MiB cap on the log kept after checkpoints.
    static func configuration(_ options: Options, readOnly: Bool) -> Configuration {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.readonly = readOnly
        configuration.label = "cairn.store"
        configuration.maximumReaderCount = max(1, options.maximumReaderCount)
        let seconds = Double(options.busyTimeout.components.seconds)
            + Double(options.busyTimeout.components.attoseconds) / 1e18
        configuration.busyMode = .timeout(seconds)
        configuration.prepareDatabase { db in
            // Statement journals of the savepoints each stored message opens stay in memory (they are
            // truncated when the savepoint is released; pages appended past the file's end are never
            // journaled): as files they cost a write per page touched.
            try db.execute(sql: "PRAGMA temp_store = MEMORY")
            if !readOnly {
                // Takes effect only on a database without tables yet (a new archive).
                try db.execute(sql: "PRAGMA page_size = \(options.pageSize)")
                try db.execute(sql: "PRAGMA synchronous = NORMAL")
                try db.execute(sql: "PRAGMA secure_delete = ON")
                // After a checkpoint, a write-ahead log grown by a large transaction shrinks back.
                try db.execute(sql: "PRAGMA journal_size_limit = 67108864")
            }
        }
        return configuration
    }

    /// Applies pending migrations and, on a new archive, records its creation (archive_info and the
    /// first audit entry).
    func prepareSchema() throws {
        let migrator = SchemaMigration.migrator()
        try database.read { db in try Self.refuseNewerSchema(migrator, db) }
        try migrator.migrate(database)
        try write { tx in try tx.recordCreationIfNeeded() }
    }

    /// Refuses archives written by a newer Cairn, and archives whose schema needs an upgrade (which
    /// a read-only open cannot make).
    func checkSchemaForReading() throws {
        let migrator = SchemaMigration.migrator()
        try database.read { db in
            try Self.refuseNewerSchema(migrator, db)
            let applied = try migrator.appliedIdentifiers(db).count
            if applied < SchemaMigration.all.count {
                throw SchemaVersionError(archiveMigrations: applied, knownMigrations: SchemaMigration.all.count)
            }
        }
    }

    private static func refuseNewerSchema(_ migrator: DatabaseMigrator, _ db: Database) throws {
        if try migrator.hasBeenSuperseded(db) {
            let applied = try migrator.appliedIdentifiers(db).count
            throw SchemaVersionError(archiveMigrations: applied, knownMigrations: SchemaMigration.all.count)
        }
    }
}
