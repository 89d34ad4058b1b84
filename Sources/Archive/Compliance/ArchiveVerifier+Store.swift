import Foundation
import MailModel
import MailStore
import Synchronization

// The checks of the store's own content: counts, message bytes, audit coverage.

extension ArchiveVerifier {
    /// Messages archived minus messages purged (as the audit trail records them) must be the number
    /// of messages in the store; in quick mode, the index must have one document per message when no
    /// index work is pending.
    func checkCounts(_ counts: inout VerificationCounts, into collector: inout ProblemCollector) throws -> Int {
        let expected = counts.archivedEntries - counts.purgedMessages
        if expected != counts.messages {
            collector.add(VerificationProblem(
                check: .counts, kind: "count-mismatch",
                detail: "the audit trail records \(counts.archivedEntries) messages archived and \(counts.purgedMessages) "
                    + "purged, so the store should hold \(expected); it holds \(counts.messages)"))
        }
        guard options.quick else { return 1 }
        if counts.indexDocuments < 0 {
            collector.add(VerificationProblem(check: .counts, kind: "index-unreadable", detail: try indexOpeningFailure()))
            return 2
        }
        if counts.pendingIndex == 0, counts.pendingRemovals == 0, counts.indexDocuments != counts.messages {
            // A writer may have committed between the two reads: look again before saying so.
            let fresh = try countEverythingAgain()
            counts.indexDocuments = fresh.indexDocuments
            if fresh.pendingIndex == 0, fresh.pendingRemovals == 0, fresh.indexDocuments != fresh.messages {
                collector.add(VerificationProblem(
                    check: .counts, kind: "index-count",
                    detail: "the index has \(fresh.indexDocuments) documents for \(fresh.messages) messages "
                        + "(run a full `cairn verify` to name them)"))
            }
        }
        return 2
    }

    /// Re-hashes every stored message (its SHA-256 as received and its id), on `parallelism` threads.
    func checkMessages(_ counts: VerificationCounts, into collector: inout ProblemCollector,
                       progress: (@Sendable (VerificationProgress) -> Void)?) throws -> Int {
        let done = Mutex<(messages: Int, bytes: Int64)>((0, 0))
        let total = counts.messages
        let verification = try archive.store.verifyMessages(parallelism: options.parallelism) { bytes in
            let now = done.withLock { state -> (messages: Int, bytes: Int64) in
                state.messages += 1
                state.bytes += bytes
                return state
            }
            progress?(VerificationProgress(check: .messages, done: now.messages, total: total, bytes: now.bytes))
        }
        for problem in verification.problems {
            collector.add(VerificationProblem(check: .messages, kind: problem.kind.rawValue, message: problem.message.id,
                                              detail: problem.detail))
        }
        return verification.messages
    }

    /// Every message has its `message.archived` entry recording its SHA-256, and every such entry's
    /// message is in the store unless a later `purge` entry names it: nothing was lost or deleted
    /// behind the trail's back.
    func checkCoverage(into collector: inout ProblemCollector) throws -> Int {
        let limit = options.problemLimit
        let found = try archive.store.read { reader in
            (uncovered: try reader.auditCoverageProblems(limit: limit + 1),
             gaps: try reader.archivedEntriesWithoutMessage(limit: .max),
             purges: try reader.auditEntries(kind: .purge),
             messages: try reader.messageCount(),
             archived: try reader.auditEntryCount(kind: .messageArchived))
        }
        for problem in found.uncovered.prefix(limit) {
            collector.add(VerificationProblem(check: .coverage, kind: problem.kind.rawValue, message: problem.message.id,
                                              detail: problem.detail))
        }
        if found.uncovered.count > limit {
            collector.addOmitted(.coverage, 1)
            collector.note("more messages lack their message.archived entry than are listed")
        }
        var lastPurge: [String: Int64] = [:]
        for entry in found.purges {
            for id in AuditPayload.purgedIDs(of: entry) { lastPurge[id] = entry.sequence }
        }
        for gap in found.gaps {
            guard let id = gap.id else {
                collector.add(VerificationProblem(check: .coverage, kind: "unreadable-entry", auditSequence: gap.sequence,
                                                  detail: "this message.archived entry records no readable id"))
                continue
            }
            if let purged = lastPurge[id.hex], purged > gap.sequence { continue }
            collector.add(VerificationProblem(
                check: .coverage, kind: "deleted-without-purge", message: id, auditSequence: gap.sequence,
                detail: "archived (audit entry \(gap.sequence)) but not in the store, and no purge removed it"))
        }
        return found.messages + found.archived
    }

    /// The counts again, with fresh reads.
    func countEverythingAgain() throws -> VerificationCounts {
        var counts = try archive.store.read { reader -> VerificationCounts in
            var counts = VerificationCounts()
            let totals = try reader.messageTotals()
            counts.messages = totals.messages
            counts.pendingIndex = totals.pendingIndex
            counts.pendingRemovals = totals.pendingRemovals
            return counts
        }
        counts.indexDocuments = (try? openIndex().documentCount()) ?? -1
        return counts
    }
}
