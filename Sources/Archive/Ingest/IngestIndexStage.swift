import Foundation
import MailIndex
import MailModel
import MailStore

/// The index side of an ingest pipeline, on its own thread, so that indexing a batch overlaps with
/// storing the next: stages the batch's new documents (placed at their row ids, with their state)
/// and the state of the messages it touched, and commits many batches at once (every
/// ``IngestOptions/indexCommitDocuments`` documents or ``IngestOptions/indexCommitInterval``, and at
/// the end). After each commit it reports the batches' results and hands their tickets back for the
/// store writer to mark indexed in its next transaction. A crash before a commit loses only the
/// staged documents, whose tickets are not marked: the next run indexes them again.
final class IngestIndexStage: @unchecked Sendable {
    // Safe: `completed` and `failure` are only touched with `lock` held; the queue is thread-safe;
    // the thread is set once in init.
    private let queue = BoundedQueue<Job>(capacity: 1)
    private let lock = NSLock()
    private var completed: [IndexTicket] = []
    private var failure: (any Error)?
    private var thread: WorkerThread!

    /// One committed store batch, to index.
    struct Job: @unchecked Sendable {
        // Safe: made by the store writer, handed to the index thread through the queue, not shared.
        /// New messages' documents, by key.
        var documents: [MessageKey: PreparedDocument]
        /// New messages' keys (with or without a document).
        var newKeys: Set<MessageKey>
        /// Tickets of every message the batch changed, read in its transaction.
        var tickets: [IndexTicket]
        /// Their states, read in the same transaction.
        var states: [MessageKey: MessageState]
        /// The batch's results, reported once indexed.
        var results: [IngestResult]
    }

    /// Batches staged in the index and not yet committed.
    private struct Staged {
        var tickets: [IndexTicket] = []
        var results: [IngestResult] = []
        var documents = 0
        /// When the first of them must be committed at the latest.
        var deadline: Date?
        /// The writer they were staged in and its ``MailIndexWriter/stagingLosses`` then: if either
        /// differs at the commit, some staged changes may be gone, and their tickets stay unmarked.
        var writer: (ObjectIdentifier, Int)?
    }

    init(index: IndexWriterHandle, options: IngestOptions, onResult: @escaping (IngestResult) -> Void) {
        let queue = self.queue
        let interval = options.indexCommitInterval.inSeconds
        let most = max(1, options.indexCommitDocuments)
        // `onResult` is only ever called on the index thread.
        nonisolated(unsafe) let onResult = onResult
        thread = WorkerThread(name: "cairn.ingest.index") { [unowned self] in
            var staged = Staged()
            func commit() {
                guard staged.deadline != nil else { return }
                let done = staged
                staged = Staged()
                let intact: Bool
                do {
                    intact = try index.use { writer in
                        try writer.commit()
                        return done.writer.map { $0 == (ObjectIdentifier(writer), writer.stagingLosses) } ?? true
                    }
                } catch {
                    self.fail(error)
                    return
                }
                // Lost staged changes (another caller's failure, a writer replaced) are indexed
                // again by the next catch-up: their messages stay marked unindexed.
                if intact { self.complete(done.tickets) }
                for result in done.results { onResult(result) }
            }
            while true {
                switch queue.take(until: staged.deadline) {
                case .element(let job):
                    guard self.error == nil else { continue }
                    do {
                        let marked = try index.use { writer in
                            if staged.writer == nil { staged.writer = (ObjectIdentifier(writer), writer.stagingLosses) }
                            return try IngestIndexStage.stage(job, in: writer)
                        }
                        staged.tickets += marked
                        staged.results += job.results
                        staged.documents += job.documents.count
                        if staged.deadline == nil { staged.deadline = Date().addingTimeInterval(interval) }
                    } catch {
                        // What failed may have cancelled staged changes: none of them may be marked
                        // indexed.
                        staged = Staged()
                        self.fail(error)
                        continue
                    }
                    if staged.documents >= most || Date() >= staged.deadline! { commit() }
                case .timedOut:
                    commit()
                case .closed:
                    if self.error == nil { commit() }
                    return
                }
            }
        }
    }

    /// Hands a committed batch over, waiting while the previous one is still being indexed.
    func submit(_ job: Job) {
        queue.put(job)
    }

    /// Tickets indexed since the last call, to mark in the store.
    func takeCompleted() -> [IndexTicket] {
        lock.lock()
        defer { lock.unlock() }
        let tickets = completed
        completed = []
        return tickets
    }

    /// What stopped the index thread, if anything.
    var error: (any Error)? {
        lock.lock()
        defer { lock.unlock() }
        return failure
    }

    /// No more batches: waits until every batch is indexed.
    func finish() {
        queue.close()
        thread.join()
    }

    private func complete(_ tickets: [IndexTicket]) {
        lock.lock()
        completed += tickets
        lock.unlock()
    }

    private func fail(_ error: any Error) {
        lock.lock()
        if failure == nil { failure = error }
        lock.unlock()
    }

    /// Stages the job's documents and state updates; returns the tickets they make indexed once
    /// committed.
    private static func stage(_ job: Job, in writer: MailIndexWriter) throws -> [IndexTicket] {
        var documents: [PreparedDocument] = []
        var updates: [(rowID: Int64, state: MessageState)] = []
        var marked: [IndexTicket] = []
        var updated: [IndexTicket] = []
        for ticket in job.tickets {
            guard let state = job.states[ticket.key] else { continue }
            if let document = job.documents[ticket.key] {
                documents.append(try document.placed(rowID: ticket.key.rawValue, state: state))
                marked.append(ticket)
            } else if !job.newKeys.contains(ticket.key) {
                updates.append((ticket.key.rawValue, state))
                updated.append(ticket)
            }
        }
        try writer.stage(documents)
        guard !updates.isEmpty else { return marked }
        let missing = Set(try writer.missingRowIDs(updates.map(\.rowID)))
        try writer.stageStates(updates.filter { !missing.contains($0.rowID) })
        return marked + updated.filter { !missing.contains($0.key.rawValue) }
    }
}
