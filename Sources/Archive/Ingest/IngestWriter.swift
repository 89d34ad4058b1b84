import Foundation
import MailIndex
import MailModel
import MailStore

/// The one store writer of an ingest pipeline: takes items in submission order and stores them in
/// batches (one store transaction each: bytes, metadata, sightings, audit entries, operations), then
/// hands each committed batch to the index stage (its own thread, so indexing overlaps with storing
/// the next batch, and one index commit covers many batches), and marks what the index stage
/// committed as indexed in its next transaction. Results are reported, in order, once their batch
/// is committed in both.
final class IngestWriter {
    private let store: MailStore
    private let options: IngestOptions
    private let next: (Date?) -> ReorderBuffer<IngestItem>.Taken
    private let indexStage: IngestIndexStage
    private(set) var summary = IngestSummary()
    private var sequence = 0

    init(store: MailStore, index: IndexWriterHandle, options: IngestOptions,
         next: @escaping (Date?) -> ReorderBuffer<IngestItem>.Taken, onResult: @escaping (IngestResult) -> Void) {
        self.store = store
        self.options = options
        self.next = next
        indexStage = IngestIndexStage(index: index, options: options, onResult: onResult)
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

    /// Runs until every item was taken, waits for the index stage, then marks the last batches
    /// indexed.
    func run() throws {
        defer { indexStage.finish() }
        while case .element(let first) = next(nil) {
            if let error = indexStage.error { throw error }
            try runBatch(startingWith: first)
        }
        indexStage.finish()
        if let error = indexStage.error { throw error }
        let tickets = indexStage.takeCompleted()
        if !tickets.isEmpty {
            try store.write { tx in _ = try tx.markIndexed(tickets) }
        }
    }

    private func runBatch(startingWith first: IngestItem) throws {
        var batch = Batch()
        let deadline = Date().addingTimeInterval(options.batchLatency.inSeconds)
        let indexed = indexStage.takeCompleted()
        try store.write { tx in
            if !indexed.isEmpty { _ = try tx.markIndexed(indexed) }
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
        var states: [MessageKey: MessageState] = [:]
        for summary in batch.summaries { states[summary.key] = summary.indexState }
        indexStage.submit(IngestIndexStage.Job(documents: batch.documents, newKeys: batch.newKeys, tickets: batch.tickets,
                                               states: states, results: batch.results))
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
            let outcome: InsertOutcome
            do {
                if let encoded = entry.encoded {
                    outcome = try tx.insertMessage(encoded: encoded, metadata: entry.metadata, sighting: message.sighting)
                } else {
                    var source = SpoolByteSource(message.spool)
                    outcome = try tx.insertMessage(from: &source, hashedAs: digests, metadata: entry.metadata,
                                                   sighting: message.sighting)
                }
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
}
