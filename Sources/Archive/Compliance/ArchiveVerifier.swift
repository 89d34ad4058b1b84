import Dispatch
import Foundation
import MailModel
import MailStore
import Synchronization

/// Proves an archive complete and unaltered (`cairn verify`): re-hashes every stored message against
/// its recorded SHA-256 and its id, walks the audit chain, checks that the store and the index agree
/// (one document per message under its own id, nothing extra), that every message has its
/// `message.archived` entry and every such entry's message is still there unless a purge removed it,
/// and that the counts agree. Quick mode checks the chain and the counts only.
///
/// Reads only: it never blocks a writer. Where a writer's work in flight makes the store and the
/// index disagree for a moment, the disagreement is looked at again with fresh reads before it is
/// reported.
///
/// ```swift
/// let archive = try MailArchive.open(home: home)                 // read-only is enough
/// let report = try ArchiveVerifier(archive: archive).run { progress in bar.update(progress) }
/// report.isIntact                                                // false: report.problems name each
/// ```
public struct ArchiveVerifier: Sendable {
    /// What to check, with documented defaults.
    public struct Options: Sendable {
        /// Only the audit chain and the counts. Default false.
        public var quick = false
        /// An anchor the chain must still extend (`--against`). Default none.
        public var anchor: AuditAnchor?
        /// Threads re-hashing messages. Default: the number of processors.
        public var parallelism = max(1, ProcessInfo.processInfo.activeProcessorCount)
        /// Problems listed per check at most (the rest are counted). Default 1,000.
        public var problemLimit = 1_000
        /// SQLite's full `integrity_check` (which also matches every SQL index to its table)
        /// instead of `quick_check`. Default false.
        public var fullDatabaseCheck = false

        /// The defaults.
        public init() {}
    }

    let archive: MailArchive
    let options: Options

    /// A verifier of an archive (read-only or read-write).
    public init(archive: MailArchive, options: Options = Options()) {
        self.archive = archive
        self.options = options
    }

    /// Runs the checks; `progress` hears how far the long ones are.
    public func run(progress: (@Sendable (VerificationProgress) -> Void)? = nil) throws -> VerificationReport {
        let start = ContinuousClock.now
        var collector = ProblemCollector(limit: options.problemLimit)
        var results: [VerificationCheckResult] = []
        func timed(_ check: VerificationCheck, _ body: (inout ProblemCollector) throws -> Int) rethrows {
            let began = ContinuousClock.now
            let before = collector.count(check)
            let checked = try body(&collector)
            results.append(VerificationCheckResult(check: check, checked: checked, problems: collector.count(check) - before,
                                                   seconds: Self.seconds(since: began)))
        }

        var counts = try countEverything()
        var chain = AuditVerification(entries: 0, head: AuditAnchor(count: 0, hash: AuditChain.genesis), problem: nil)
        try timed(.audit) { collector in
            chain = try archive.store.read { try $0.verifyAuditChain() }
            if let problem = chain.problem {
                collector.add(VerificationProblem(check: .audit, kind: "chain-broken", auditSequence: problem.sequence,
                                                  detail: problem.reason))
            }
            return Int(chain.entries)
        }
        if let anchor = options.anchor {
            try timed(.anchor) { collector in
                try checkAnchor(anchor, chain: chain, into: &collector)
                return Int(anchor.count)
            }
        }
        try timed(.counts) { collector in try checkCounts(&counts, into: &collector) }
        if !options.quick {
            try timed(.messages) { collector in try checkMessages(counts, into: &collector, progress: progress) }
            // The other full checks each run on one thread: run them side by side.
            let fixed = counts
            let parts = try runConcurrently([
                (.coverage, { collector in try checkCoverage(into: &collector) }),
                (.index, { collector in try checkIndex(fixed, into: &collector, progress: progress) }),
                (.database, { collector in try checkDatabase(into: &collector) }),
            ])
            for (result, part) in parts {
                results.append(result)
                collector.merge(part)
            }
        }
        if counts.pendingIndex > 0 || counts.pendingRemovals > 0 {
            collector.note("the index lags behind the store by \(counts.pendingIndex) messages and "
                           + "\(counts.pendingRemovals) removals; the next writer (any import, sync or `cairn reindex`) "
                           + "catches up")
        }
        for loose in ArchiveFolderModes.loosePaths(archive.home) {
            collector.note("\(loose.path) has mode \(String(loose.mode, radix: 8)), not private; "
                           + "the next writer makes it private")
        }
        return VerificationReport(quick: options.quick, counts: counts, head: chain.head, anchor: options.anchor,
                                  checks: results, problems: collector.problems, omittedProblems: collector.omitted,
                                  notes: collector.notes, seconds: Self.seconds(since: start))
    }

    /// Runs checks on a thread each and returns their results and problems in the order given.
    private func runConcurrently(
        _ checks: [(VerificationCheck, @Sendable (inout ProblemCollector) throws -> Int)]
    ) throws -> [(VerificationCheckResult, ProblemCollector)] {
        let limit = options.problemLimit
        let outcomes = Mutex<[Int: Result<(VerificationCheckResult, ProblemCollector), any Error>]>([:])
        DispatchQueue.concurrentPerform(iterations: checks.count) { index in
            let (check, body) = checks[index]
            let began = ContinuousClock.now
            var collector = ProblemCollector(limit: limit)
            let outcome = Result {
                let checked = try body(&collector)
                return (VerificationCheckResult(check: check, checked: checked, problems: collector.count(check),
                                                seconds: Self.seconds(since: began)), collector)
            }
            outcomes.withLock { $0[index] = outcome }
        }
        return try outcomes.withLock { results in try checks.indices.map { try results[$0]!.get() } }
    }

    /// SQLite's own consistency checks of the database file.
    private func checkDatabase(into collector: inout ProblemCollector) throws -> Int {
        for problem in try archive.store.checkDatabaseIntegrity(quick: !options.fullDatabaseCheck) {
            collector.add(VerificationProblem(check: .database, kind: "sqlite", detail: "SQLite: \(problem)"))
        }
        return 1
    }

    /// Counts of the store and the audit trail, from one snapshot, and of the index.
    private func countEverything() throws -> VerificationCounts {
        var counts = try archive.store.read { reader -> VerificationCounts in
            var counts = VerificationCounts()
            let totals = try reader.messageTotals()
            counts.messages = totals.messages
            counts.bytes = totals.bytes
            counts.pendingIndex = totals.pendingIndex
            counts.pendingRemovals = totals.pendingRemovals
            counts.auditEntries = try reader.auditAnchor().count
            counts.archivedEntries = try reader.auditEntryCount(kind: .messageArchived)
            counts.purgedMessages = try reader.auditEntries(kind: .purge).reduce(0) { total, entry in
                total + AuditPayload.purgedIDs(of: entry).count
            }
            counts.activeHolds = try reader.holds().count
            return counts
        }
        counts.indexDocuments = (try? openIndex().documentCount()) ?? -1
        return counts
    }

    /// Whether the chain still extends `anchor`: entry `anchor.count` exists, has the anchored
    /// hash, and the chain up to it is intact.
    private func checkAnchor(_ anchor: AuditAnchor, chain: AuditVerification, into collector: inout ProblemCollector) throws {
        if let broken = chain.problem, broken.sequence <= anchor.count {
            collector.add(VerificationProblem(check: .anchor, kind: "anchor-unproven", auditSequence: broken.sequence,
                                              detail: "the chain is broken at or before the anchor \(anchor), so the "
                                                  + "archive cannot be shown to extend it"))
            return
        }
        guard anchor.count <= chain.entries else {
            collector.add(VerificationProblem(check: .anchor, kind: "anchor-missing", auditSequence: anchor.count,
                                              detail: "the chain has \(chain.entries) entries, the anchor \(anchor.count): "
                                                  + "entries were removed since the anchor was taken"))
            return
        }
        let stored: SHA256Digest
        if anchor.count == 0 {
            stored = AuditChain.genesis
        } else {
            guard let entry = try archive.store.read({ try $0.auditEntries(after: anchor.count - 1, limit: 1) }).first,
                  entry.sequence == anchor.count else {
                collector.add(VerificationProblem(check: .anchor, kind: "anchor-missing", auditSequence: anchor.count,
                                                  detail: "the entry the anchor names is missing"))
                return
            }
            stored = entry.hash
        }
        if stored != anchor.hash {
            collector.add(VerificationProblem(check: .anchor, kind: "anchor-mismatch", auditSequence: anchor.count,
                                              detail: "its hash is \(stored.hex), the anchor says \(anchor.hash.hex): "
                                                  + "the chain was rewritten since the anchor was taken, or the anchor "
                                                  + "is not this archive's"))
        }
    }

    /// Seconds since an instant.
    static func seconds(since start: ContinuousClock.Instant) -> Double {
        (ContinuousClock.now - start).inSeconds
    }
}
