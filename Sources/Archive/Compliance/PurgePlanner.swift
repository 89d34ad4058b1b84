import MailModel
import MailStore

/// Decides what a purge deletes: every message in the scope of at least one retention rule and older
/// than the longest of those rules, unless a hold covers it or the index cannot take it yet.
struct PurgePlanner {
    /// The rules.
    let rules: [RetentionRule]
    /// The time retention is measured at.
    let now: Timestamp
    /// Keys each active hold's query matches but the store does not record as covered yet (a dry
    /// run evaluates the queries without writing), by hold name.
    let matchedByHold: [String: Set<MessageKey>]
    /// Messages whose index document is missing or stale.
    let unindexed: Set<MessageKey>

    /// Messages read per page when completing the candidates and naming the holds.
    static let pageSize = 1_000

    /// The plan, from one consistent snapshot of the store.
    func plan(_ reader: StoreReader) throws -> PurgePlan {
        let cutoffs = rules.map { $0.keep.cutoff(at: now) }
        var due: [(ref: MessageRef, facts: RetentionFacts, rule: RetentionRule)] = []
        var held: [MessageKey] = []
        var keptByHold: [String: Int] = [:]
        var keptUnindexed = 0
        if !rules.isEmpty {
            try reader.forEachRetentionFacts { facts in
                var deciding: Int?
                for (index, rule) in rules.enumerated() where PurgePlanner.applies(rule, to: facts) {
                    if deciding == nil || cutoffs[index] < cutoffs[deciding!] { deciding = index }
                }
                guard let deciding, facts.ageBasis < cutoffs[deciding] else { return true }
                let key = facts.message.key
                let matching = matchedByHold.filter { $0.value.contains(key) }.map(\.key)
                if facts.isHeld || !matching.isEmpty {
                    held.append(key)
                    if !facts.isHeld { for name in matching { keptByHold[name, default: 0] += 1 } }
                } else if unindexed.contains(key) {
                    keptUnindexed += 1
                } else {
                    due.append((facts.message, facts, rules[deciding]))
                }
                return true
            }
        }
        try countHolds(of: held, matched: &keptByHold, reader)
        var candidates: [PurgeCandidate] = []
        candidates.reserveCapacity(due.count)
        for start in stride(from: 0, to: due.count, by: PurgePlanner.pageSize) {
            let page = due[start..<min(due.count, start + PurgePlanner.pageSize)]
            var summaries: [MessageKey: MessageSummary] = [:]
            for summary in try reader.summaries(of: page.map(\.ref.key)) { summaries[summary.key] = summary }
            for item in page {
                let facts = item.facts
                let basis: AgeBasis = facts.internalDate != nil ? .internalDate : facts.date != nil ? .date : .archived
                candidates.append(PurgeCandidate(message: item.ref, size: summaries[item.ref.key]?.size ?? 0,
                                                 subject: summaries[item.ref.key]?.subject, ageBasis: facts.ageBasis,
                                                 basis: basis, rule: item.rule))
            }
        }
        return PurgePlan(at: now, rules: rules, candidates: candidates, keptByHold: keptByHold, keptHeld: held.count,
                         keptUnindexed: keptUnindexed)
    }

    /// Whether a rule's scope covers a message.
    static func applies(_ rule: RetentionRule, to facts: RetentionFacts) -> Bool {
        if case .all = rule.scope { return true }
        return facts.locations.contains { rule.scope.covers($0) }
    }

    /// Adds, for the held messages the store records as covered, the holds that cover them.
    private func countHolds(of keys: [MessageKey], matched: inout [String: Int], _ reader: StoreReader) throws {
        for start in stride(from: 0, to: keys.count, by: PurgePlanner.pageSize) {
            let page = Array(keys[start..<min(keys.count, start + PurgePlanner.pageSize)])
            for summary in try reader.summaries(of: page) {
                for name in Set(summary.holds) { matched[name, default: 0] += 1 }
            }
        }
    }
}
