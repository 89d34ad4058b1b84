import MailModel
import MailStore

/// What a purge at a given time deletes, and what past retention it keeps and why.
public struct PurgePlan: Hashable, Sendable {
    /// The time retention is measured at.
    public var at: Timestamp
    /// The retention rules applied.
    public var rules: [RetentionRule]
    /// The messages to delete, in key order.
    public var candidates: [PurgeCandidate]
    /// Messages past retention that holds keep, by hold name (a message under two holds counts in
    /// both).
    public var keptByHold: [String: Int]
    /// Distinct messages past retention that holds keep.
    public var keptHeld: Int
    /// Messages past retention kept because the index cannot take them yet, so no hold query can
    /// be checked against them.
    public var keptUnindexed: Int

    /// Creates a plan.
    public init(at: Timestamp, rules: [RetentionRule], candidates: [PurgeCandidate], keptByHold: [String: Int],
                keptHeld: Int, keptUnindexed: Int) {
        self.at = at
        self.rules = rules
        self.candidates = candidates
        self.keptByHold = keptByHold
        self.keptHeld = keptHeld
        self.keptUnindexed = keptUnindexed
    }

    /// The bytes of the messages to delete.
    public var bytes: Int64 { candidates.reduce(0) { $0 + Int64($1.size) } }
}
