import Foundation
import MailIndex
import MailModel
import MailStore
import MIME
import NIOCore

/// Brings the index up to date with the store: deletes the documents of purged messages, updates
/// the state of messages whose places, flags, holds or thread changed, and builds the documents of
/// messages the index lacks (after a crash between a store commit and an index commit, or for a
/// rebuild) from their stored bytes, decoding and building on worker threads.
///
/// ```swift
/// let report = try archive.makeIndexer().catchUp { progress in bar.update(progress) }
/// let rebuilt = try archive.makeIndexer().rebuild()                  // cairn reindex
/// ```
public struct ArchiveIndexer: Sendable {
    let archive: MailArchive

    /// Messages read from the store per page. Default 1,000.
    public var pageSize = 1_000

    init(archive: MailArchive) {
        self.archive = archive
    }

    /// Indexes everything the store has and the index lacks; `progress` hears about it when there
    /// is work.
    @discardableResult
    public func catchUp(progress: (@Sendable (IndexProgress) -> Void)? = nil) throws -> IndexReport {
        let index = try archive.requireIndexWriter()
        var report = IndexReport()
        report.removed = try removePurged(index)
        let total = try archive.store.read { try $0.pendingIndexCount() }
        guard total > 0 else { return report }
        let tracker = ProgressTracker(total: total, progress: progress)
        let store = archive.store, pageSize = self.pageSize, language = index.language
        let pool = OrderedWorkerPool<RebuildJob, RebuildOutput>(
            name: "reindex", workers: archive.options.workerCount, maxItems: 256, maxBytes: 64 << 20) {
            let worker = RebuildWorker(store: store, language: language)
            return { job in worker.process(job) }
        }
        // The feeder pages through pending messages: states of indexed ones are updated at once,
        // the others go to the workers.
        let feederState = FeederOutcome()
        let feeder = WorkerThread(name: "cairn.reindex.feeder") {
            do {
                var after: MessageKey?
                while true {
                    let page = try store.read { reader -> ([IndexTicket], [MessageSummary]) in
                        let tickets = try reader.pendingIndexTickets(after: after, limit: pageSize)
                        return (tickets, try reader.summaries(of: tickets.map(\.key)))
                    }
                    guard let last = page.0.last else { break }
                    after = last.key
                    let updated = try ArchiveIndexer.updatePresent(page.0, page.1, index: index, store: store,
                                                                   pool: pool)
                    feederState.addUpdated(updated)
                    tracker.add(done: updated, bytes: 0)
                }
            } catch {
                feederState.fail(error)
            }
            pool.close()
        }
        var built: [PreparedDocument] = []
        var tickets: [IndexTicket] = []
        var bytes = 0
        func flush() throws {
            guard !tickets.isEmpty else { return }
            let documents = built, marks = tickets
            try index.use { try $0.add(documents) }
            try store.write { tx in _ = try tx.markIndexed(marks) }
            tracker.add(done: marks.count, bytes: Int64(bytes))
            built = []
            tickets = []
            bytes = 0
        }
        do {
            while case .element(let output) = pool.next() {
                guard let document = output.document else {
                    report.failed += 1
                    continue
                }
                built.append(document)
                tickets.append(output.ticket)
                bytes += output.size
                report.built += 1
                if output.unreadable { report.unreadable += 1 }
                if tickets.count >= pageSize || bytes >= 64 << 20 { try flush() }
            }
            try flush()
        } catch {
            pool.cancel()
            feeder.join()
            pool.join()
            throw error
        }
        feeder.join()
        pool.join()
        try feederState.check()
        report.updated = feederState.updated
        return report
    }

    /// Rebuilds the index from the store (`cairn reindex`): every message is marked unindexed,
    /// the index is emptied (remote shards are forgotten: everything is indexed locally), and
    /// everything is indexed again; an audit entry records it. With `routing`, the new index is
    /// split that way (`cairn index split`).
    @discardableResult
    public func rebuild(routing: ShardRouting? = nil, stripes: Int? = nil, reason: String = "cairn reindex",
                        progress: (@Sendable (IndexProgress) -> Void)? = nil) throws -> IndexReport {
        let index = try archive.requireIndexWriter()
        try archive.store.write { tx in _ = try tx.markAllUnindexed() }
        try index.recreate(routing: routing, stripes: stripes)
        let report = try catchUp(progress: progress)
        try archive.store.write { tx in
            _ = try tx.appendAudit(.reindex(messages: report.built + report.updated, reason: reason))
        }
        return report
    }

    /// Deletes the documents of purged messages; returns how many.
    private func removePurged(_ index: IndexWriterHandle) throws -> Int {
        var removed = 0
        while true {
            let keys = try archive.store.read { try $0.pendingIndexRemovals(limit: pageSize) }
            guard !keys.isEmpty else { return removed }
            removed += try index.use { try $0.delete(rowIDs: keys.map(\.rawValue)) }
            try archive.store.write { tx in try tx.clearIndexRemovals(keys) }
        }
    }

    /// Updates the state of the page's messages that the index has, marks them indexed, and
    /// submits the others to the workers; returns how many were updated.
    private static func updatePresent(_ tickets: [IndexTicket], _ summaries: [MessageSummary], index: IndexWriterHandle,
                                      store: MailStore, pool: OrderedWorkerPool<RebuildJob, RebuildOutput>) throws -> Int {
        var byKey: [MessageKey: MessageSummary] = [:]
        for summary in summaries { byKey[summary.key] = summary }
        let missing = Set(try index.use { try $0.missingRowIDs(tickets.map(\.key.rawValue)) })
        var updates: [(rowID: Int64, state: MessageState)] = []
        var marks: [IndexTicket] = []
        for ticket in tickets {
            guard let summary = byKey[ticket.key] else { continue }
            if missing.contains(ticket.key.rawValue) {
                guard pool.submit(RebuildJob(ticket: ticket, summary: summary), weight: summary.size) else {
                    throw IngestStoppedError(cancelled: true)
                }
            } else {
                updates.append((ticket.key.rawValue, summary.indexState))
                marks.append(ticket)
            }
        }
        guard !updates.isEmpty else { return 0 }
        _ = try index.use { try $0.updateStates(updates) }
        try store.write { tx in _ = try tx.markIndexed(marks) }
        return marks.count
    }
}

/// A message whose document the index lacks.
struct RebuildJob: Sendable {
    var ticket: IndexTicket
    var summary: MessageSummary
}

/// A document built from a message's stored bytes.
struct RebuildOutput: @unchecked Sendable {
    // Safe: made by one worker, handed to the one consumer.
    var ticket: IndexTicket
    /// Nil when the document could not be built (the message stays pending).
    var document: PreparedDocument?
    var size: Int
    /// Whether the bytes could not be read back (the document holds the stored headers only).
    var unreadable: Bool
}

/// The work of one rebuild thread: read a message's bytes from the store, decode them, build the
/// document.
final class RebuildWorker {
    private let store: MailStore
    private let builder: DocumentBuilder?

    init(store: MailStore, language: String) {
        self.store = store
        builder = try? DocumentBuilder(language: language)
    }

    func process(_ job: RebuildJob) -> RebuildOutput {
        let summary = job.summary
        var document = summary.metadataOnlyDocument
        var unreadable = true
        do {
            var decoder = MessageDecoder()
            try store.read { reader in
                try reader.withRawBytes(of: summary.key) { decoder.feed(ByteBuffer(bytes: $0)) }
            }
            document = decoder.finish().indexDocument(rowID: summary.key.rawValue, id: summary.id, size: summary.size,
                                                       state: summary.indexState)
            unreadable = false
        } catch {
            unreadable = true
        }
        let prepared = try? builder?.build(document)
        return RebuildOutput(ticket: job.ticket, document: prepared, size: summary.size, unreadable: unreadable)
    }
}

/// Progress shared between the feeder and the consumer of a catch-up.
final class ProgressTracker: @unchecked Sendable {
    // Safe: every access happens with `lock` held.
    private let lock = NSLock()
    private var current: IndexProgress
    private let progress: (@Sendable (IndexProgress) -> Void)?

    init(total: Int, progress: (@Sendable (IndexProgress) -> Void)?) {
        current = IndexProgress(done: 0, total: total, bytes: 0)
        self.progress = progress
    }

    func add(done: Int, bytes: Int64) {
        lock.lock()
        current.done += done
        current.bytes += bytes
        let snapshot = current
        lock.unlock()
        progress?(snapshot)
    }
}

/// What the feeder of a catch-up did, or why it stopped.
final class FeederOutcome: @unchecked Sendable {
    // Safe: every access happens with `lock` held.
    private let lock = NSLock()
    private var error: (any Error)?
    private(set) var updatedCount = 0

    func addUpdated(_ count: Int) {
        lock.lock()
        updatedCount += count
        lock.unlock()
    }

    var updated: Int {
        lock.lock()
        defer { lock.unlock() }
        return updatedCount
    }

    func fail(_ error: any Error) {
        lock.lock()
        self.error = error
        lock.unlock()
    }

    func check() throws {
        lock.lock()
        defer { lock.unlock() }
        if let error { throw error }
    }
}
