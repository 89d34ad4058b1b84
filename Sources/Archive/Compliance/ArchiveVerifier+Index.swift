import Foundation
import MailIndex
import MailModel
import MailStore

// The store/index agreement: every message indexed exactly once, under its own id, and nothing else.

extension ArchiveVerifier {
    /// A reader of the archive's index.
    func openIndex() throws -> MailIndexReader {
        try MailIndexReader(configuration: IndexConfiguration.load(directory: archive.indexDirectory,
                                                                   language: archive.options.indexLanguage))
    }

    /// Why the index cannot be opened.
    func indexOpeningFailure() throws -> String {
        do {
            _ = try openIndex().documentCount()
            return "the index could not be read"
        } catch {
            return "the index cannot be read: \(error)"
        }
    }

    /// Walks the index's id terms a slice of ids at a time (256 slices by the ids' first two hex
    /// digits, so memory stays small) beside the store's messages in the same slice, and then every
    /// document; whatever disagrees is read again, fresh, before it is reported.
    func checkIndex(_ counts: VerificationCounts, into collector: inout ProblemCollector,
                    progress: (@Sendable (VerificationProgress) -> Void)?) throws -> Int {
        let reader: MailIndexReader
        do {
            reader = try openIndex()
        } catch {
            collector.add(VerificationProblem(check: .index, kind: "index-unreadable",
                                              detail: "the index cannot be read: \(error)"))
            return 0
        }
        // Every document first: one whose id term a later slice does not show lacks one (or went away).
        let rows = try reader.allRowIDs()
        var seen = [Bool](repeating: false, count: rows.count)
        func markSeen(_ row: Int64) {
            if let index = IndexRows.position(of: row, in: rows) { seen[index] = true }
        }
        var suspects: [MessageID] = []
        var checked = 0
        for slice in 0..<256 {
            let prefix = IndexRows.hexByte(slice)
            let items = try archive.store.read { try $0.indexInventory(idHexPrefix: prefix) }
            let postings = try reader.idPostings(hexPrefix: prefix)
            var byID: [String: [Int64]] = [:]
            for posting in postings {
                byID[posting.id] = posting.rowIDs
                posting.rowIDs.forEach(markSeen)
            }
            for item in items {
                let hex = item.message.id.hex
                let indexed = byID.removeValue(forKey: hex) ?? []
                if indexed == [item.message.key.rawValue] { continue }
                if indexed.isEmpty && item.isIndexPending { continue }
                suspects.append(item.message.id)
            }
            for (hex, _) in byID {
                if let id = MessageID(hex: hex) { suspects.append(id) } else {
                    collector.add(VerificationProblem(check: .index, kind: "bad-id-term",
                                                      detail: "the index has an id term that is no id: Q\(hex)"))
                }
            }
            checked += items.count
            progress?(VerificationProgress(check: .index, done: checked, total: counts.messages, bytes: 0))
        }
        let unnamed = rows.indices.filter { !seen[$0] }.map { rows[$0] }
        try confirm(suspects, documentsWithoutID: unnamed, reader: reader, into: &collector)
        return max(checked, rows.count)
    }

    /// Reads each disagreement again with fresh snapshots and reports those that remain. A message
    /// the store has is judged against an index read after the store (its document is committed
    /// before the store marks it indexed); a document the store lacks is judged against a store read
    /// after the index (a message reaches the store before the index, and leaves the store first).
    private func confirm(_ suspects: [MessageID], documentsWithoutID: [Int64], reader: MailIndexReader,
                         into collector: inout ProblemCollector) throws {
        guard !suspects.isEmpty || !documentsWithoutID.isEmpty else { return }
        try reader.reopen()
        var before: [MessageID: [Int64]] = [:]
        for id in suspects { before[id] = try reader.idPostings(hexPrefix: id.hex).first?.rowIDs ?? [] }
        let store = try archive.store.read { reader in
            (items: try suspects.map { id in try reader.indexInventory(idHexPrefix: id.hex).first },
             removals: try reader.pendingIndexRemovalKeys())
        }
        try reader.reopen()
        for (id, item) in zip(suspects, store.items) {
            let after = try reader.idPostings(hexPrefix: id.hex).first?.rowIDs ?? []
            if let item, !item.isIndexPending, !after.contains(item.message.key.rawValue) {
                let elsewhere = after.isEmpty ? "" : " (its id term is on document \(after.map(String.init).joined(separator: ", ")))"
                collector.add(VerificationProblem(check: .index, kind: "not-indexed", message: id,
                                                  indexRow: item.message.key.rawValue,
                                                  detail: "not in the index under its own document \(item.message.key)\(elsewhere)"))
            }
            for row in before[id] ?? [] where row != item?.message.key.rawValue && !store.removals.contains(MessageKey(row)) {
                let detail = item.map { "indexed again as document \(row) (its own is \($0.message.key))" }
                    ?? "the index has document \(row) for this id, which the store does not have"
                collector.add(VerificationProblem(check: .index, kind: item == nil ? "extra-document" : "indexed-twice",
                                                  message: id, indexRow: row, detail: detail))
            }
        }
        guard !documentsWithoutID.isEmpty else { return }
        let present = Set(try reader.allRowIDs())
        for row in documentsWithoutID where present.contains(row) && !store.removals.contains(MessageKey(row)) {
            collector.add(VerificationProblem(check: .index, kind: "no-id-term", indexRow: row,
                                              detail: "has no id term: the index cannot say which message it is"))
        }
    }
}
