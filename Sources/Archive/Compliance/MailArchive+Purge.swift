import MailModel
import MailStore

/// Purge: the only way Cairn ever deletes a message. It deletes messages past retention that no
/// hold covers, from the store and the index, records every id in the audit trail, and leaves the
/// chain verifiable.
///
/// ```swift
/// let plan = try archive.planPurge()                  // a dry run; works on a read-only archive
/// let report = try writer.purge()                     // holds refreshed first, then the deletions
/// ```
extension MailArchive {
    /// What a purge at `now` would delete, without deleting anything or writing at all: the holds'
    /// queries are evaluated as they stand (a writer's purge first records what they match).
    public func planPurge(at now: Timestamp? = nil) throws -> PurgePlan {
        let now = now ?? currentTime
        let active = try holds()
        let matches = try holdMatches(active, at: now).mapValues { Set($0) }
        return try makePlan(now: now, matchedByHold: matches)
    }

    /// Deletes what ``planPurge(at:)`` lists, after bringing every hold up to date (so a message
    /// archived since a hold was placed, and matching it, is kept even if the writer that archived
    /// it stopped before refreshing the holds). Deletes in batches of `batchSize`, each one store
    /// transaction with its `purge` audit entry naming every id, after which the batch's index
    /// documents are removed; then checkpoints the write-ahead log so that no deleted bytes linger in
    /// it. Writers only.
    public func purge(at now: Timestamp? = nil, batchSize: Int = 1_000,
                      progress: ((_ done: Int, _ total: Int) -> Void)? = nil) throws -> PurgeReport {
        let now = now ?? currentTime
        let refresh = try refreshHolds(at: now)
        let plan = try makePlan(now: now, matchedByHold: [:])
        let reason = "past retention at \(now.iso8601): "
            + plan.rules.map { "\($0.scope) \($0.keep)" }.joined(separator: "; ")
        var removed: [MessageRef] = []
        var bytes: Int64 = 0
        var sequences: [Int64] = []
        let keys = plan.candidates.map(\.message.key)
        for start in stride(from: 0, to: keys.count, by: max(1, batchSize)) {
            let batch = Array(keys[start..<min(keys.count, start + max(1, batchSize))])
            let outcome = try store.write { tx in try tx.purge(batch, reason: reason) }
            removed += outcome.removed
            bytes += outcome.bytes
            sequences.append(outcome.auditSequence)
            // The batch's documents go at once, not after the whole purge: searches meanwhile do not
            // list what is already gone.
            if !outcome.removed.isEmpty { try makeIndexer().catchUp() }
            progress?(removed.count, keys.count)
        }
        if !removed.isEmpty { try store.checkpoint() }
        return PurgeReport(plan: plan, removed: removed, bytes: bytes, auditSequences: sequences, holdRefresh: refresh)
    }

    /// The plan at `now`, from one snapshot of the store: the stored rules, the stored hold
    /// coverage plus `matchedByHold`, and the messages the index lags behind on.
    private func makePlan(now: Timestamp, matchedByHold: [String: Set<MessageKey>]) throws -> PurgePlan {
        try store.read { reader in
            var unindexed = Set<MessageKey>()
            var after: MessageKey?
            while true {
                let page = try reader.pendingIndexTickets(after: after, limit: PurgePlanner.pageSize)
                guard let last = page.last else { break }
                unindexed.formUnion(page.map(\.key))
                after = last.key
            }
            let planner = PurgePlanner(rules: try reader.retentionRules(), now: now, matchedByHold: matchedByHold,
                                       unindexed: unindexed)
            return try planner.plan(reader)
        }
    }
}
