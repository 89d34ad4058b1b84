import Foundation
import MailIndex
import MailModel
import MailStore

/// An archive folder opened for reading or writing: the store (`cairn.sqlite`, the source of truth)
/// and the index (`index/`, derived from it), and the order of commits between them.
///
/// A writer holds the store's writer lock (a second writer waits, then gets `ArchiveLockedError`)
/// and the index's; on opening it brings the index up to date with the store (after a crash
/// between a store commit and an index commit, or after an index layout change).
///
/// ```swift
/// let archive = try MailArchive.open(home: home, access: .readWrite)
/// let pipeline = try archive.makeIngestPipeline { result in print(result) }
/// ...
/// let reader = try MailArchive.open(home: home)            // read-only
/// let page = try reader.makeSearcher().search(query, limit: 50)
/// ```
public final class MailArchive: Sendable {
    /// The archive folder.
    public let home: URL
    /// The store.
    public let store: MailStore
    /// The options it was opened with.
    public let options: Options
    /// The index writer of a read-write archive.
    let indexWriter: IndexWriterHandle?

    private init(home: URL, store: MailStore, options: Options, indexWriter: IndexWriterHandle?) {
        self.home = home
        self.store = store
        self.options = options
        self.indexWriter = indexWriter
    }

    /// The index folder, `<home>/index`.
    public var indexDirectory: String { MailArchive.indexDirectory(in: home) }

    /// The index folder of an archive folder.
    public static func indexDirectory(in home: URL) -> String {
        home.appendingPathComponent("index").path
    }

    /// Whether this archive may write.
    public var isWritable: Bool { indexWriter != nil }

    /// Opens the archive in `home`.
    ///
    /// Read-only: the archive must exist (`ArchiveNotFoundError`). Read-write: creates it when
    /// missing, takes the writer lock (waiting up to `options.lockTimeout`, then
    /// `ArchiveLockedError`), opens the index for writing (rebuilding it when its layout is not
    /// this Cairn's), and indexes what the store has and the index lacks (`progress` hears about
    /// that work when there is some).
    public static func open(home: URL, access: Access = .readOnly, options: Options = Options(),
                            progress: (@Sendable (IndexProgress) -> Void)? = nil) throws -> MailArchive {
        var storeOptions = MailStore.Options(access: access == .readOnly ? .readOnly : .readWrite)
        storeOptions.lockTimeout = options.lockTimeout
        if access == .readOnly { storeOptions.maximumReaderCount = options.storeReaders }
        if let clock = options.clock { storeOptions.clock = clock }
        let store = try MailStore.open(at: home, storeOptions)
        guard access == .readWrite else {
            return MailArchive(home: home, store: store, options: options, indexWriter: nil)
        }
        do {
            let handle = try IndexWriterHandle(directory: indexDirectory(in: home), language: options.indexLanguage)
            let archive = MailArchive(home: home, store: store, options: options, indexWriter: handle)
            // An index of another layout was emptied, or the index lost documents the store says it
            // has (a deleted or restored index folder): index everything again.
            // A remote shard that does not answer stops writers that index (they must know what
            // it holds), but not the index commands that open without catching up (`index detach`).
            let documents: Int?
            do {
                documents = try handle.use { try $0.documentCount() }
            } catch let error as IndexError where error.code == .network && !options.catchUpOnOpen {
                documents = nil
            }
            let indexed = try store.read { try $0.indexedCount() }
            if handle.layoutWasReset || documents.map({ $0 < indexed }) == true {
                try store.write { tx in _ = try tx.markAllUnindexed() }
            }
            if options.catchUpOnOpen { _ = try archive.makeIndexer().catchUp(progress: progress) }
            try ArchiveFolderModes.secure(home)
            return archive
        } catch {
            try? store.close()
            throw error
        }
    }

    /// A catch-up indexer and rebuilder over this archive (writers only).
    public func makeIndexer() -> ArchiveIndexer {
        ArchiveIndexer(archive: self)
    }

    /// A searcher of this archive's index (one per thread; opening one is cheap).
    public func makeSearcher() throws -> ArchiveSearcher {
        try ArchiveSearcher(archive: self)
    }

    /// The writer's index handle, or `ReadOnlyArchiveError` for a read-only archive.
    func requireIndexWriter() throws -> IndexWriterHandle {
        guard let indexWriter else { throw ReadOnlyArchiveError() }
        return indexWriter
    }

    /// Closes the index and the store, releasing the writer lock; a writer first makes every file
    /// it created private (``ArchiveFolderModes``).
    public func close() throws {
        indexWriter?.close()
        let modes = Result { if indexWriter != nil { try ArchiveFolderModes.secure(home) } }
        try store.close()
        try modes.get()
    }
}
