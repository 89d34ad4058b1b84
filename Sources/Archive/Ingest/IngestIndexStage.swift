import Foundation
import MailIndex
import MailModel
import MailStore

/// The index side of an ingest pipeline, on its own thread, so that indexing a batch overlaps with
/// storing the next: adds the batch's new documents (placed at their row ids, with their state),
/// updates the state of the messages it touched, commits, reports the batch's results, and hands
/// the tickets back for the store writer to mark indexed in its next transaction.
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

    init(index: IndexWriterHandle, onResult: @escaping (IngestResult) -> Void) {
        let queue = self.queue
        // `onResult` is only ever called on the index thread.
        nonisolated(unsafe) let onResult = onResult
        thread = WorkerThread(name: "cairn.ingest.index") { [unowned self] in
            while let job = queue.take() {
                guard self.error == nil else { continue }
                do {
                    let marked = try IngestIndexStage.index(job, index: index)
                    self.complete(marked)
                    for result in job.results { onResult(result) }
                } catch {
                    self.fail(error)
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

    /// Adds the job's documents and updates its states; returns the tickets now indexed.
    private static func index(_ job: Job, index: IndexWriterHandle) throws -> [IndexTicket] {
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
        try index.use { writer in
            try writer.add(documents)
            guard !updates.isEmpty else { return }
            let missing = Set(try writer.missingRowIDs(updates.map(\.rowID)))
            try writer.updateStates(updates.filter { !missing.contains($0.rowID) })
            marked += updated.filter { !missing.contains($0.key.rawValue) }
        }
        return marked
    }
}
