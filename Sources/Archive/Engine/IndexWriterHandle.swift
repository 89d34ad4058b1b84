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

    /// Opens the index in `directory` for writing; an index of another layout is emptied.
    init(directory: String, language: String) throws {
        self.directory = directory
        let configuration = try IndexConfiguration.load(directory: directory, language: language)
        self.language = configuration.language
        do {
            writer = try MailIndexWriter(configuration: configuration)
            layoutWasReset = false
        } catch where error.code == .version {
            writer = try MailIndexWriter(configuration: configuration, recreate: true)
            layoutWasReset = true
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
        let kept = Set(configuration.shards.compactMap { configuration.path(of: $0) })
        for shard in old.shards {
            guard let path = old.path(of: shard), !kept.contains(path),
                  path.hasPrefix(directory + "/") else { continue }
            try? FileManager.default.removeItem(atPath: path)
        }
    }

    /// Closes the index (committing what is pending).
    func close() {
        lock.lock()
        defer { lock.unlock() }
        try? writer?.commit()
        writer = nil
    }
}
