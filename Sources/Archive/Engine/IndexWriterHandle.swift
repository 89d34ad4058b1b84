import Foundation
import MailIndex

/// The archive's one index writer, shared by the threads of a pipeline one at a time.
final class IndexWriterHandle: @unchecked Sendable {
    // Safe: `writer` is only touched with `lock` held, so one thread at a time uses it.
    private let lock = NSLock()
    private var writer: MailIndexWriter?
    let directory: String
    let language: String
    /// Whether the index had another layout (or language) and was emptied: every message must be
    /// indexed again.
    let layoutWasReset: Bool
    /// Local documents when opened (0 after a rebuild): a writer that grew the index by a quarter
    /// (and at least ``compactionMinimum`` documents) compacts it when it closes.
    private var documentsAtOpen = 0
    /// The least growth that makes closing compact the index. Compaction rewrites each shard's
    /// B-trees full (Xapian leaves them about half full while adding): the index of a fresh import
    /// of 20,000 messages goes from 215 to 103 MiB in 1.5 s.
    static let compactionMinimum = 1_000

    /// Opens the index in `directory` for writing; an index of another layout is emptied.
    init(directory: String, language: String) throws {
        self.directory = directory
        let configuration = try IndexConfiguration.load(directory: directory, language: language)
        self.language = configuration.language
        let (opened, reset) = try IndexWriterHandle.openWriter(configuration)
        writer = opened
        layoutWasReset = reset
        documentsAtOpen = (try? opened.localDocumentCount()) ?? 0
    }

    /// The writer of `configuration`, and whether its index had another layout and was emptied.
    private static func openWriter(_ configuration: IndexConfiguration) throws -> (MailIndexWriter, Bool) {
        do {
            return (try MailIndexWriter(configuration: configuration), false)
        } catch where error.code == .version {
            return (try MailIndexWriter(configuration: configuration, recreate: true), true)
        }
    }

    /// Runs `body` with the writer, holding the lock.
    func use<T>(_ body: (MailIndexWriter) throws -> T) throws -> T {
        lock.lock()
        defer { lock.unlock() }
        guard let writer else { throw IndexError(.failed, "the index writer is closed") }
        return try body(writer)
    }

    /// Replaces the writer by an emptied index (`cairn reindex`), every shard local again; with
    /// `routing`, split the new way (the folders of shards that are no longer used are removed).
    func recreate(routing: ShardRouting? = nil, stripes: Int? = nil) throws {
        lock.lock()
        defer { lock.unlock() }
        let old = try writer?.configuration ?? IndexConfiguration.load(directory: directory, language: language)
        var configuration = old
        configuration.shards.removeAll { old.path(of: $0) == nil }
        if let routing {
            configuration = IndexConfiguration(directory: directory, routing: routing, language: old.language,
                                               stripes: stripes ?? old.stripes)
        }
        writer = nil
        writer = try MailIndexWriter(configuration: configuration, recreate: true)
        documentsAtOpen = 0
        let kept = Set(configuration.shards.compactMap { configuration.path(of: $0) })
        for shard in old.shards {
            guard let path = old.path(of: shard), !kept.contains(path),
                  path.hasPrefix(directory + "/") else { continue }
            try? FileManager.default.removeItem(atPath: path)
        }
    }

    /// Closes the index (committing what is pending, and compacting it when this writer grew it
    /// much: see ``documentsAtOpen``).
    func close() {
        lock.lock()
        defer { lock.unlock() }
        try? writer?.commit()
        if let writer, let now = try? writer.localDocumentCount(),
           now - documentsAtOpen >= max(IndexWriterHandle.compactionMinimum, documentsAtOpen / 4) {
            try? writer.compact()
        }
        writer = nil
    }
}
