import Foundation
import GRDB
import MailModel

/// The archive's source of truth: SQLite (through GRDB, WAL mode) in `cairn.sqlite` inside the archive
/// folder, holding every message's bytes exactly as received, its metadata, where it was seen, folder
/// sync state, threads, the audit chain, holds, retention rules and saved searches.
///
/// One writer, many readers: a read-write store holds the archive's writer lock (`cairn.lock`,
/// `flock`) from `open` until `close`; readers never take it and never see half of a write.
///
/// ```swift
/// let store = try MailStore.open(at: archiveFolder)
/// let outcome = try store.write { tx in try tx.insertMessage(bytes: raw, metadata: meta, sighting: seen) }
/// let rows = try store.read { try $0.summaries(of: [outcome.key]) }
/// ```
public final class MailStore: Sendable {
    /// The archive folder.
    public let folder: URL
    /// The options the store was opened with.
    public let options: Options
    /// The connections: a pool (one writer connection, several readers), or for a read-only store
    /// with one reader, a single read-only connection.
    let database: any DatabaseWriter
    /// The writer lock; nil for a read-only store.
    private let lock: ArchiveLock?

    private init(folder: URL, options: Options, database: any DatabaseWriter, lock: ArchiveLock?) {
        self.folder = folder
        self.options = options
        self.database = database
        self.lock = lock
    }

    /// The path of `cairn.sqlite` in an archive folder.
    public static func databasePath(in folder: URL) -> String {
        folder.appendingPathComponent(ArchiveFiles.databaseName).path
    }

    /// Opens the archive in `folder`.
    ///
    /// Read-write: creates the folder (0700) and `cairn.sqlite` (0600) when missing, waits up to
    /// `options.lockTimeout` for the writer lock (else `ArchiveLockedError`), and applies pending
    /// migrations. Read-only: the archive must exist (else `ArchiveNotFoundError`); with
    /// `options.maximumReaderCount` 1 it is read through one connection, which opens in about half
    /// the time of a pool's two (a one-shot query's start).
    public static func open(at folder: URL, _ options: Options = Options()) throws -> MailStore {
        let folderPath = folder.path
        let databasePath = databasePath(in: folder)
        switch options.access {
        case .readWrite:
            try ArchiveFiles.ensureFolder(folderPath)
            let lock = try ArchiveLock.acquire(path: folder.appendingPathComponent(ArchiveFiles.lockName).path,
                                               timeout: options.lockTimeout)
            try ArchiveFiles.ensurePrivateFile(databasePath)
            let pool = try DatabasePool(path: databasePath, configuration: configuration(options, readOnly: false))
            let store = MailStore(folder: folder, options: options, database: pool, lock: lock)
            try store.prepareSchema()
            return store
        case .readOnly:
            guard ArchiveFiles.exists(databasePath) else { throw ArchiveNotFoundError(path: folderPath) }
            let readOnly = configuration(options, readOnly: true)
            let database: any DatabaseWriter = options.maximumReaderCount <= 1
                ? try DatabaseQueue(path: databasePath, configuration: readOnly)
                : try DatabasePool(path: databasePath, configuration: readOnly)
            let store = MailStore(folder: folder, options: options, database: database, lock: nil)
            try store.checkSchemaForReading()
            return store
        }
    }

    /// Whether this store may write (it holds the writer lock).
    public var isWritable: Bool { lock != nil }

    /// Runs `body` in a read transaction: a consistent snapshot that never blocks the writer.
    @discardableResult
    public func read<T>(_ body: (StoreReader) throws -> T) throws -> T {
        try database.read { db in try body(StoreReader(db: db)) }
    }

    /// Runs `body` in a read transaction off the caller's task.
    @discardableResult
    public func read<T: Sendable>(_ body: @escaping @Sendable (StoreReader) throws -> T) async throws -> T {
        try await database.read { db in try body(StoreReader(db: db)) }
    }

    /// Runs `body` in one write transaction: everything it does commits together, or nothing does
    /// (also when the process dies half-way).
    @discardableResult
    public func write<T>(_ body: (WriteTransaction) throws -> T) throws -> T {
        guard lock != nil else { throw ReadOnlyArchiveError() }
        return try database.write { db in
            let transaction = WriteTransaction(db: db, options: options)
            defer { transaction.finish() }
            return try body(transaction)
        }
    }

    /// Runs `body` in one write transaction off the caller's task.
    @discardableResult
    public func write<T: Sendable>(_ body: @escaping @Sendable (WriteTransaction) throws -> T) async throws -> T {
        guard lock != nil else { throw ReadOnlyArchiveError() }
        let options = self.options
        return try await database.write { db in
            let transaction = WriteTransaction(db: db, options: options)
            defer { transaction.finish() }
            return try body(transaction)
        }
    }

    /// Copies the write-ahead log into the database and truncates it (after a purge, so that deleted
    /// bytes do not linger in the log).
    public func checkpoint() throws {
        guard lock != nil else { throw ReadOnlyArchiveError() }
        try database.writeWithoutTransaction { db in _ = try db.checkpoint(.truncate) }
    }

    /// Closes the database and releases the writer lock. The store cannot be used afterwards.
    ///
    /// A writer first copies the write-ahead log into the database and truncates it (best effort:
    /// skipped when a reader keeps it busy). Otherwise the log outlives the process, and every later
    /// process, being the first to open the database, rebuilds its index by reading the whole log
    /// (tens of megabytes after an import: milliseconds off every search).
    public func close() throws {
        defer { lock?.release() }
        // Only while the lock is held: a second close finds the database closed.
        if lock?.isHeld == true { try? database.writeWithoutTransaction { db in _ = try db.checkpoint(.truncate) } }
        try database.close()
    }
}
