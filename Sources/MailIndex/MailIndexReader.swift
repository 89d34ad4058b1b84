import CXapian
import Foundation
#if canImport(Glibc)
import Glibc
#endif
import MailQuery

/// Searches an index: all its shards (local and remote) as one database.
///
/// Not thread-safe: one reader per thread or task (opening one is cheap). A reader sees the
/// index as of its last (re)open; searches reopen and retry by themselves when a writer's commit
/// changes the index under them.
///
/// ```swift
/// let reader = try MailIndexReader(configuration: .load(directory: home + "/index"))
/// let query = try SearchQuery.parse("from:ann budget", now: .now)
/// let page = try reader.search(query, order: .newest, limit: 50)   // page.hits[0].rowID
/// let count = try reader.count(query)                               // exact
/// ```
public final class MailIndexReader {
    /// The configuration read at the last (re)open.
    public private(set) var configuration: IndexConfiguration
    private(set) var database: XapianDatabase
    private var shardNames: [String] = []
    /// The inode of each local shard's folder when opened: a compacted or rebuilt shard is a new folder.
    private var shardFolders: [String: UInt64] = [:]
    private var parser: XapianQueryParser
    /// The stemming language of the index.
    public private(set) var language: String
    /// How long a remote shard may take to answer, and to connect (milliseconds).
    public var remoteTimeoutMilliseconds = 10_000
    /// How many times a search is retried when the index changes under it.
    public var retries = 5

    /// Opens every shard of the configuration that exists (a missing local shard is skipped: it
    /// has no documents yet). Throws ``IndexError/Code/version`` for a shard of another layout.
    public init(configuration: IndexConfiguration) throws(IndexError) {
        self.configuration = configuration
        let opened = try MailIndexReader.openShards(configuration, timeout: 10_000)
        database = opened.database
        shardNames = opened.names
        language = opened.language ?? configuration.language
        parser = try XapianQueryParser(language: language)
        shardFolders = MailIndexReader.folderIdentities(configuration)
    }

    /// The inode of each local shard folder that exists.
    private static func folderIdentities(_ configuration: IndexConfiguration) -> [String: UInt64] {
        var identities: [String: UInt64] = [:]
        for shard in configuration.shards {
            // stat(2) directly: Foundation's attributesOfItem also looks up the owner's and group's
            // names, a tenth of a millisecond of every search.
            var info = stat()
            guard let path = configuration.path(of: shard), stat(path, &info) == 0 else { continue }
            identities[path] = UInt64(info.st_ino)
        }
        return identities
    }

    /// Opens the index in a folder, with the manifest there (or the defaults).
    public convenience init(directory: String) throws(IndexError) {
        try self.init(configuration: IndexConfiguration.load(directory: directory))
    }

    /// The names of the shards searched, in order.
    public var shards: [String] { shardNames }

    private static func openShards(_ configuration: IndexConfiguration,
                                   timeout: Int) throws(IndexError) -> (database: XapianDatabase, names: [String], language: String?) {
        let combined = try XapianDatabase()
        var names: [String] = []
        var language: String?
        for shard in configuration.shards {
            let db: XapianDatabase
            switch shard.location {
            case .local:
                let path = configuration.path(of: shard)!
                guard FileManager.default.fileExists(atPath: path) else { continue }
                db = try XapianDatabase(path: path)
            case .remote(let host, let port):
                db = try XapianDatabase(host: host, port: port, timeoutMilliseconds: timeout,
                                        connectTimeoutMilliseconds: timeout)
            }
            let stored = try db.metadata(IndexLayout.versionKey)
            let empty = try db.documentCount() == 0
            if stored != String(IndexLayout.version), !(stored.isEmpty && empty) {
                throw IndexError(.version, "the index shard \(shard.name) has layout \(stored.isEmpty ? "unknown" : stored); "
                                 + "this Cairn uses layout \(IndexLayout.version)", hint: "Rebuild it with `cairn reindex`.")
            }
            let shardLanguage = try db.metadata(IndexLayout.languageKey)
            if !shardLanguage.isEmpty {
                if let language, language != shardLanguage {
                    throw IndexError(.version, "the index shards are stemmed in different languages "
                                     + "(\(language), \(shardLanguage))", hint: "Rebuild them with `cairn reindex`.")
                }
                language = shardLanguage
            }
            try combined.add(db)
            names.append(shard.name)
        }
        return (combined, names, language)
    }

    /// Sees the latest commits; re-reads the manifest and opens every shard afresh when shards
    /// were added or replaced.
    public func reopen() throws(IndexError) {
        let latest = (try? IndexConfiguration.load(directory: configuration.directory,
                                                   defaultRouting: configuration.routing,
                                                   language: configuration.language)) ?? configuration
        let wanted = latest.shards.filter {
            guard let path = latest.path(of: $0) else { return true }
            return FileManager.default.fileExists(atPath: path)
        }.map(\.name)
        let folders = MailIndexReader.folderIdentities(latest)
        if wanted == shardNames, folders == shardFolders, (try? database.reopen()) != nil { return }
        // New shards, or a shard replaced (compacted, rebuilt): open everything afresh.
        let opened = try MailIndexReader.openShards(latest, timeout: remoteTimeoutMilliseconds)
        configuration = latest
        database = opened.database
        shardNames = opened.names
        shardFolders = folders
        if let shardLanguage = opened.language, shardLanguage != language {
            language = shardLanguage
            parser = try XapianQueryParser(language: shardLanguage)
        }
    }

    /// The number of documents in all shards.
    public func documentCount() throws(IndexError) -> Int {
        try retrying { () throws(IndexError) in try database.documentCount() }
    }

    /// One page of the messages that match, in the given order. With `limit` nil, every match.
    /// With `exactTotal`, ``SearchPage/total`` is exact (it costs a full count).
    public func search(_ query: SearchQuery, order: SearchOrder = .newest, offset: Int = 0, limit: Int? = nil,
                       exactTotal: Bool = false) throws(IndexError) -> SearchPage {
        try retrying { () throws(IndexError) in
            let documents = try database.documentCount()
            let xapianQuery = try translator.translate(query.root)
            let pageSize = max(0, limit ?? documents)
            let checkAtLeast = exactTotal || limit == nil ? documents : offset + pageSize
            let mset = try database.search(xapianQuery, sort: MailIndexReader.sort(order), slot: IndexLayout.dateSlot,
                                           offset: offset, limit: pageSize, checkAtLeast: checkAtLeast)
            let counts = mset.counts
            return SearchPage(hits: mset.docids.map(hit), total: counts.estimated,
                              isExact: counts.lower == counts.upper)
        }
    }

    /// The exact number of messages that match (`cairn count`).
    public func count(_ query: SearchQuery) throws(IndexError) -> Int {
        try retrying { () throws(IndexError) in
            let documents = try database.documentCount()
            let mset = try database.search(try translator.translate(query.root), sort: CX_SORT_VALUE_ASCENDING,
                                           slot: IndexLayout.dateSlot, offset: 0, limit: 0, checkAtLeast: documents)
            return mset.counts.estimated
        }
    }

    /// Xapian's description of the query as the index runs it, for `--explain`:
    /// `Query((Zbudget@1 FILTER XFOLDERINBOX))`.
    public func describe(_ query: SearchQuery) throws(IndexError) -> String {
        try retrying { () throws(IndexError) in try translator.translate(query.root).describe() }
    }

    /// A maker of snippets for the words of a query.
    public func snippets(for query: SearchQuery) throws(IndexError) -> SnippetMaker {
        try retrying { () throws(IndexError) in
            let mset = try database.search(try translator.translate(query.root), sort: CX_SORT_RELEVANCE, slot: 0,
                                           offset: 0, limit: 0, checkAtLeast: 0)
            return SnippetMaker(matchSet: mset, language: language)
        }
    }

    var translator: QueryTranslator { QueryTranslator(database: database, parser: parser) }

    func hit(_ docid: UInt32) -> SearchHit {
        let count = max(1, shardNames.count)
        let index = Int(docid - 1) % count
        let rowID = Int64((Int(docid) - 1) / count + 1)
        return SearchHit(rowID: rowID, shard: shardNames.isEmpty ? "" : shardNames[index])
    }

    static func sort(_ order: SearchOrder) -> cx_sort {
        switch order {
        case .newest: return CX_SORT_VALUE_DESCENDING
        case .oldest: return CX_SORT_VALUE_ASCENDING
        case .relevance: return CX_SORT_RELEVANCE
        }
    }

    /// Runs `body`, reopening and running it again when the index changed under it.
    func retrying<T>(_ body: () throws(IndexError) -> T) throws(IndexError) -> T {
        var attempt = 0
        while true {
            do {
                return try body()
            } catch where error.code == .modified && attempt < retries {
                attempt += 1
                try reopen()
            }
        }
    }
}
