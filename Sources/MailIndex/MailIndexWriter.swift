import Dispatch
import Foundation
import MailModel

/// The one writer of an index folder: adds, replaces and deletes documents in large transactions,
/// updates a message's changing state without reindexing its text, and keeps the layout version.
///
/// Not thread-safe and not `Sendable`: keep it on one thread or task. Build documents on other
/// threads with ``DocumentBuilder``s and hand the ``PreparedDocument``s over.
/// A second writer on the same folder fails with ``IndexError/Code/locked``.
///
/// ```swift
/// let writer = try MailIndexWriter(configuration: .load(directory: home + "/index"))
/// try writer.add(documents.map(builder.build))     // one transaction per batch
/// try writer.updateState(rowID: 42, to: MessageState(places: [...], flags: [.seen]))
/// try writer.stage(batch1); try writer.stage(batch2); try writer.commit()   // one commit for many
/// ```
public final class MailIndexWriter {
    /// The configuration, including shards created since opening.
    public internal(set) var configuration: IndexConfiguration
    var shards: [String: XapianWritableDatabase] = [:]
    var shardOrder: [String] = []
    /// The row ids held by the remote shards, read on first need (see `MailIndexWriter+Remote`).
    var remoteRowCache: Set<UInt32>?
    private let recreate: Bool
    private var ownBuilder: DocumentBuilder?

    /// Opens (creating when missing) every local shard for writing. With `recreate`, the shards
    /// are emptied first and the configuration becomes the index's manifest (for `cairn reindex`,
    /// also to change routing); otherwise pass the manifest's (``IndexConfiguration/load(directory:defaultRouting:language:)``). Throws ``IndexError/Code/locked`` when another
    /// writer has the index, ``IndexError/Code/version`` when a shard has another layout or
    /// language (rebuild with `recreate`).
    public init(configuration: IndexConfiguration, recreate: Bool = false) throws(IndexError) {
        self.configuration = configuration
        self.recreate = recreate
        do {
            try FileManager.default.createDirectory(atPath: configuration.directory, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
        } catch {
            throw IndexError(.failed, "cannot create the index folder \(configuration.directory): \(error)")
        }
        for shard in configuration.shards where configuration.path(of: shard) != nil {
            try open(shard)
        }
        // A new index, or a rebuilt one (which may change routing or shards), writes its manifest.
        if recreate || !FileManager.default.fileExists(atPath: configuration.directory + "/" + IndexConfiguration.manifestName) {
            try configuration.save()
        }
    }

    /// The stemming language; give it to the ``DocumentBuilder``s.
    public var language: String { configuration.language }

    /// The names of the local shards, in search order.
    public var localShards: [String] { shardOrder }

    func open(_ shard: IndexShard) throws(IndexError) {
        guard let path = configuration.path(of: shard) else { return }
        let db = try XapianWritableDatabase(path: path, action: recreate ? .createOrOverwrite : .createOrOpen)
        let stored = try db.metadata(IndexLayout.versionKey)
        let storedLanguage = try db.metadata(IndexLayout.languageKey)
        if stored.isEmpty, try db.documentCount() == 0 {
            try db.setMetadata(IndexLayout.versionKey, String(IndexLayout.version))
            try db.setMetadata(IndexLayout.languageKey, configuration.language)
            try db.commit()
        } else if stored != String(IndexLayout.version) {
            throw IndexError(.version, "the index shard \(shard.name) has layout \(stored.isEmpty ? "unknown" : stored); "
                             + "this Cairn uses layout \(IndexLayout.version)", hint: "Rebuild it with `cairn reindex`.")
        } else if storedLanguage != configuration.language {
            throw IndexError(.version, "the index shard \(shard.name) is stemmed in \(storedLanguage), not in "
                             + configuration.language, hint: "Rebuild it with `cairn reindex`.")
        }
        shards[shard.name] = db
        shardOrder.append(shard.name)
    }

    /// Adds or replaces documents (by row id), in one transaction per shard: after it returns they
    /// are durable and visible to readers that reopen (with anything staged before).
    public func add(_ documents: [PreparedDocument]) throws(IndexError) {
        try put(documents, staged: false)
    }

    /// Adds or replaces documents (by row id) like ``add(_:)-([PreparedDocument])``, but stages
    /// them: they become durable and visible with the next ``commit()`` (or any other change that
    /// commits), so that many batches share one commit. Until then a crash loses them; keep what
    /// says they are indexed (the store's index tickets) for after the commit, and check
    /// ``stagingLosses`` then. When it throws, what the failing shard had staged is cancelled.
    public func stage(_ documents: [PreparedDocument]) throws(IndexError) {
        try put(documents, staged: true)
    }

    /// Whether staged changes wait for ``commit()``.
    public var hasStagedChanges: Bool {
        shards.values.contains { $0.isStaging }
    }

    /// How many staged transactions of this writer's shards ended without being committed (a
    /// failed staged write, or a failed commit, by any caller). Staged changes are durable after a
    /// ``commit()`` only if this did not change since they were staged.
    public var stagingLosses: Int {
        shards.values.reduce(0) { $0 + $1.stagingLosses }
    }

    private func put(_ documents: [PreparedDocument], staged: Bool) throws(IndexError) {
        guard !documents.isEmpty else { return }
        var groups: [String: [PreparedDocument]] = [:]
        var order: [String] = []
        for document in documents {
            let name = try shardName(for: document)
            if groups[name] == nil { order.append(name) }
            groups[name, default: []].append(document)
        }
        var touched = Set<String>()
        if shardOrder.count > 1, configuration.routing != .striped {
            // A message routed elsewhere than before leaves its old shard.
            for name in order {
                for other in shardOrder where other != name {
                    let db = shards[other]!
                    for document in groups[name]! {
                        let deleted = try staged ? db.stage { () throws(IndexError) in try db.delete(docid: document.docid) }
                                                 : db.delete(docid: document.docid)
                        if deleted { touched.insert(other) }
                    }
                }
            }
        }
        try write(order.map { (shards[$0]!, groups[$0]!) }, staged: staged)
        if !staged {
            for name in touched where groups[name] == nil { try shards[name]!.commit() }
        }
    }

    /// Writes each shard's documents in one transaction (or its staged one); shards in parallel,
    /// one thread each.
    private func write(_ work: [(XapianWritableDatabase, [PreparedDocument])], staged: Bool) throws(IndexError) {
        if work.count == 1 { return try MailIndexWriter.write(work[0].1, to: work[0].0, staged: staged) }
        let jobs = ParallelJobs(count: work.count)
        withExtendedLifetime(work) {
            // Each shard is touched by exactly one thread, and the writer waits for all of them.
            let unchecked = UncheckedWork(work: work)
            DispatchQueue.concurrentPerform(iterations: work.count) { index in
                let (db, documents) = unchecked.work[index]
                jobs.record(index) { () throws(IndexError) in
                    try MailIndexWriter.write(documents, to: db, staged: staged)
                }
            }
        }
        if let error = jobs.firstError { throw error }
    }

    private static func write(_ documents: [PreparedDocument], to db: XapianWritableDatabase,
                              staged: Bool) throws(IndexError) {
        try db.change(staged: staged) { () throws(IndexError) in
            for document in documents { try db.replace(docid: document.docid, with: document.document) }
        }
    }

    /// Builds and adds documents on this thread (for small batches and tests; use builders on
    /// worker threads for speed).
    public func add(_ documents: [IndexDocument]) throws(IndexError) {
        let builder: DocumentBuilder
        if let ownBuilder { builder = ownBuilder } else { builder = try DocumentBuilder(language: language) }
        ownBuilder = builder
        var prepared: [PreparedDocument] = []
        prepared.reserveCapacity(documents.count)
        for document in documents { prepared.append(try builder.build(document)) }
        try add(prepared)
    }

    /// Deletes documents by row id; returns how many there were.
    @discardableResult
    public func delete(rowIDs: [Int64]) throws(IndexError) -> Int {
        var deleted = 0
        for name in shardOrder {
            let db = shards[name]!
            let docids = rowIDs.compactMap { UInt32(exactly: $0) }.filter { mayHold(name, docid: $0) }
            guard !docids.isEmpty else { continue }
            try db.transaction { () throws(IndexError) in
                for docid in docids where try db.delete(docid: docid) { deleted += 1 }
            }
        }
        return deleted
    }

    /// Rewrites a message's changing state (places, flags, expunged, holds, thread) without
    /// reindexing its text; false when the index has no such document.
    @discardableResult
    public func updateState(rowID: Int64, to state: MessageState) throws(IndexError) -> Bool {
        try updateStates([(rowID, state)]) == 1
    }

    /// Rewrites the changing state of many messages in one transaction per shard; returns how
    /// many documents were found and updated.
    @discardableResult
    public func updateStates(_ updates: [(rowID: Int64, state: MessageState)]) throws(IndexError) -> Int {
        try rewriteStates(updates, staged: false)
    }

    /// Rewrites the changing state of many messages like ``updateStates(_:)``, staged: durable with
    /// the next ``commit()`` (see ``stage(_:)``).
    @discardableResult
    public func stageStates(_ updates: [(rowID: Int64, state: MessageState)]) throws(IndexError) -> Int {
        try rewriteStates(updates, staged: true)
    }

    private func rewriteStates(_ updates: [(rowID: Int64, state: MessageState)], staged: Bool) throws(IndexError) -> Int {
        var pending = updates.compactMap { update in
            UInt32(exactly: update.rowID).map {
                (docid: $0, terms: DocumentBuilder.stateTerms(update.state), thread: update.state.threadID ?? "")
            }
        }
        var updated = 0
        for name in shardOrder where !pending.isEmpty {
            let db = shards[name]!
            let here = pending.filter { mayHold(name, docid: $0.docid) }
            guard !here.isEmpty else { continue }
            let elsewhere = pending.filter { !mayHold(name, docid: $0.docid) }
            pending = try elsewhere + db.change(staged: staged) { () throws(IndexError) in
                var missing: [(docid: UInt32, terms: [String], thread: String)] = []
                for update in here {
                    if try db.replaceTerms(docid: update.docid, prefixes: IndexLayout.statePrefixes, terms: update.terms,
                                           slot: IndexLayout.threadSlot, value: update.thread) {
                        updated += 1
                    } else {
                        missing.append(update)
                    }
                }
                return missing
            }
        }
        return updated
    }

    /// The number of documents in the local shards.
    public func localDocumentCount() throws(IndexError) -> Int {
        var total = 0
        for name in shardOrder { total += try shards[name]!.documentCount() }
        return total
    }

    /// The number of documents over all shards, remote ones included (they are asked once).
    public func documentCount() throws(IndexError) -> Int {
        try remoteRowIDs().count + localDocumentCount()
    }

    /// A value the engine keeps with the index (in the first local shard); "" when unset.
    public func metadata(_ key: String) throws(IndexError) -> String {
        guard let first = shardOrder.first else { return "" }
        return try shards[first]!.metadata("engine." + key)
    }

    /// Sets a value the engine keeps with the index, durable at once.
    public func setMetadata(_ key: String, _ value: String) throws(IndexError) {
        guard let first = shardOrder.first else {
            throw IndexError(.invalidArgument, "the index has no local shard to keep metadata in")
        }
        try shards[first]!.setMetadata("engine." + key, value)
        try shards[first]!.commit()
    }

    /// Rewrites every local shard compactly (Xapian's compaction, docids kept): smaller and faster
    /// to search, for after a `cairn reindex` or many updates. Each shard is closed and reopened
    /// around the swap, so the caller must hold the archive's write lock; readers see the
    /// compacted shard when they reopen.
    public func compact() throws(IndexError) {
        let files = FileManager.default
        for name in shardOrder {
            guard let shard = configuration.shards.first(where: { $0.name == name }),
                  let path = configuration.path(of: shard) else { continue }
            let fresh = path + ".compacting", old = path + ".old"
            try? files.removeItem(atPath: fresh)
            try? files.removeItem(atPath: old)
            try shards[name]!.compact(to: fresh)
            shards[name] = nil
            do {
                try files.moveItem(atPath: path, toPath: old)
                try files.moveItem(atPath: fresh, toPath: path)
                try files.removeItem(atPath: old)
            } catch {
                if !files.fileExists(atPath: path) { try? files.moveItem(atPath: old, toPath: path) }
                shards[name] = try XapianWritableDatabase(path: path, action: .open)
                throw IndexError(.failed, "cannot swap in the compacted shard \(name): \(error)")
            }
            shards[name] = try XapianWritableDatabase(path: path, action: .open)
        }
    }

    /// Commits anything pending in every shard, staged changes included.
    public func commit() throws(IndexError) {
        for name in shardOrder { try shards[name]!.commit() }
    }

    /// Whether a shard can hold the document (with striped routing, only its stripe can).
    private func mayHold(_ shard: String, docid: UInt32) -> Bool {
        configuration.routing != .striped || shard == stripeName(docid)
    }

    private func stripeName(_ docid: UInt32) -> String {
        "stripe-\((Int(docid) - 1) % max(1, configuration.stripes))"
    }

    /// The shard a document goes to, created (and written to the manifest) when new.
    private func shardName(for document: PreparedDocument) throws(IndexError) -> String {
        var key: String
        switch configuration.routing {
        case .striped:
            key = stripeName(document.docid)
        case .single:
            if let first = shardOrder.first { return first }
            key = "main"
        case .account:
            key = "account-" + MailIndexWriter.safeName(document.account ?? "none")
        case .year:
            key = "year-" + (document.year.map { String($0) } ?? "undated")
        }
        // Remote shards are read-only: what would go to one goes to a local shard beside it.
        if configuration.shards.contains(where: { $0.name == key && configuration.path(of: $0) == nil }) {
            key += MailIndexWriter.localSuffix
        }
        if shards[key] == nil {
            let shard = IndexShard(name: key, location: .local(path: key))
            configuration.shards.append(shard)
            try open(shard)
            try configuration.save()
        }
        return key
    }

    /// A name safe as a folder name: letters, digits, `.`, `_`, `-`; others become `_` and a hash
    /// of the original keeps different names apart.
    static func safeName(_ name: String) -> String {
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-")
        let safe = String(name.map { allowed.contains($0) ? $0 : "_" })
        if safe == name, !name.hasPrefix(".") { return name }
        return safe + "-" + SHA256.hash(Array(name.utf8)).hex.prefix(8)
    }
}
