import Foundation
import MailIndex
import MailModel
import MailStore

/// The one writer of an ingest pipeline: takes items in submission order, stores them in batches
/// (one store transaction each: bytes, metadata, sightings, audit entries, operations), then adds
/// the batch to the index in one index transaction, and marks it indexed in the store with the next
/// batch's transaction. Results are reported after the batch is committed in both.
final class IngestWriter {
    private let store: MailStore
    private let index: IndexWriterHandle
    private let options: IngestOptions
    private let next: (Date?) -> ReorderBuffer<IngestItem>.Taken
    private let onResult: (IngestResult) -> Void
    private(set) var summary = IngestSummary()
    /// Tickets of the last batch, indexed but not yet marked so in the store.
    private var unmarked: [IndexTicket] = []
    private var sequence = 0

    init(store: MailStore, index: IndexWriterHandle, options: IngestOptions,
         next: @escaping (Date?) -> ReorderBuffer<IngestItem>.Taken, onResult: @escaping (IngestResult) -> Void) {
        self.store = store
        self.index = index
        self.options = options
        self.next = next
        self.onResult = onResult
    }

    /// What one batch did, collected while its transaction is open.
    private struct Batch {
        var results: [IngestResult] = []
        var messages = 0
        var bytes = 0
        var documents: [MessageKey: PreparedDocument] = [:]
        var newKeys: Set<MessageKey> = []
        var touched: Set<MessageKey> = []
        var tickets: [IndexTicket] = []
        var summaries: [MessageSummary] = []
    }

    /// Runs until every item was taken, then marks the last batch indexed.
    func run() throws {
        while case .element(let first) = next(nil) {
            try runBatch(startingWith: first)
        }
        if !unmarked.isEmpty {
            let tickets = unmarked
            try store.write { tx in _ = try tx.markIndexed(tickets) }
            unmarked = []
        }
    }

    private func runBatch(startingWith first: IngestItem) throws {
        var batch = Batch()
        let deadline = Date().addingTimeInterval(Double(options.batchLatency.components.seconds)
                                                 + Double(options.batchLatency.components.attoseconds) / 1e18)
        let tickets = unmarked
        try store.write { tx in
            if !tickets.isEmpty { _ = try tx.markIndexed(tickets) }
            var item: IngestItem? = first
            while let current = item {
                let commitNow = try apply(current, in: tx, to: &batch)
                if commitNow || batch.messages >= options.batchMessages || batch.bytes >= options.batchBytes { break }
                if case .element(let following) = next(deadline) { item = following } else { item = nil }
            }
            let touched = Array(batch.newKeys.union(batch.touched))
            batch.tickets = try tx.reader.indexTickets(of: touched)
            batch.summaries = try tx.reader.summaries(of: batch.tickets.map(\.key))
        }
        unmarked = []
        unmarked = try index(batch)
        for result in batch.results { onResult(result) }
    }

    /// Applies one item in the open transaction; true when the batch must be committed after it.
    private func apply(_ item: IngestItem, in tx: WriteTransaction, to batch: inout Batch) throws -> Bool {
        defer { sequence += 1 }
        switch item {
        case .known(let message, let digests, let key):
            batch.messages += 1
            do {
                let outcome = try tx.recordSighting(message.sighting, of: key)
                batch.touched.insert(key)
                if case .conflict = outcome {
                    record(failed(message.label, message.sighting, digests.size,
                                  "its place (folder and UID) already holds another archived message"), in: &batch)
                } else {
                    record(result(message, .alreadyArchived(MessageRef(key: key, id: digests.id)), digests.size),
                           in: &batch)
                }
            } catch let error as MessageNotFoundError {
                record(failed(message.label, message.sighting, digests.size, error.description), in: &batch)
            }
        case .decoded(let message, let digests, let entry):
            batch.messages += 1
            batch.bytes += digests.size
            var source = SpoolByteSource(message.spool)
            let outcome: InsertOutcome
            do {
                outcome = try tx.insertMessage(from: &source, hashedAs: digests, metadata: entry.metadata,
                                               sighting: message.sighting)
            } catch let error as DigestMismatchError {
                record(failed(message.label, message.sighting, digests.size, error.description), in: &batch)
                return false
            } catch let error as MessageSpool.Error {
                record(failed(message.label, message.sighting, digests.size, error.description), in: &batch)
                return false
            }
            let ref = MessageRef(key: outcome.key, id: outcome.id)
            batch.touched.formUnion(outcome.rethreaded)
            if outcome.isNew {
                batch.newKeys.insert(outcome.key)
                if let document = entry.document { batch.documents[outcome.key] = document }
                var archived = result(message, .archived(ref), digests.size)
                archived.warnings = entry.metadata.warnings
                archived.isUnreadable = entry.isUnreadable
                record(archived, in: &batch)
            } else {
                batch.touched.insert(outcome.key)
                record(result(message, .alreadyArchived(ref), digests.size), in: &batch)
            }
        case .failed(let label, let sighting, let size, let reason):
            record(failed(label, sighting, size, reason), in: &batch)
        case .operation(let operation, let commit):
            try operation(tx, summary)
            record(IngestResult(sequence: sequence, label: "", sighting: nil, outcome: .operation, size: 0, warnings: [],
                                isUnreadable: false), in: &batch)
            return commit
        }
        return false
    }

    private func result(_ message: IncomingMessage, _ outcome: IngestResult.Outcome, _ size: Int) -> IngestResult {
        IngestResult(sequence: sequence, label: message.label, sighting: message.sighting, outcome: outcome, size: size,
                     warnings: [], isUnreadable: false)
    }

    private func failed(_ label: String, _ sighting: Sighting?, _ size: Int, _ reason: String) -> IngestResult {
        IngestResult(sequence: sequence, label: label, sighting: sighting, outcome: .failed(reason: reason), size: size,
                     warnings: [], isUnreadable: false)
    }

    private func record(_ result: IngestResult, in batch: inout Batch) {
        summary.add(result)
        batch.results.append(result)
    }

    /// Adds the batch's new documents and updates the states of the messages it touched, in the
    /// index; returns the tickets to mark indexed (those whose document or state is now in it).
    private func index(_ batch: Batch) throws -> [IndexTicket] {
        guard !batch.tickets.isEmpty else { return [] }
        var states: [MessageKey: MessageState] = [:]
        for summary in batch.summaries { states[summary.key] = summary.indexState }
        var documents: [PreparedDocument] = []
        var updates: [(rowID: Int64, state: MessageState)] = []
        var marked: [IndexTicket] = []
        var updated: [IndexTicket] = []
        for ticket in batch.tickets {
            guard let state = states[ticket.key] else { continue }
            if let document = batch.documents[ticket.key] {
                documents.append(try document.placed(rowID: ticket.key.rawValue, state: state))
                marked.append(ticket)
            } else if !batch.newKeys.contains(ticket.key) {
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
