import MailStore

/// What `purge` did.
public struct PurgeReport: Hashable, Sendable {
    /// The plan it carried out (made after the holds were brought up to date).
    public var plan: PurgePlan
    /// The messages deleted, from store and index.
    public var removed: [MessageRef]
    /// Their bytes as received.
    public var bytes: Int64
    /// The audit entries that record the deletions (one per batch), in order.
    public var auditSequences: [Int64]
    /// What bringing the holds up to date first did.
    public var holdRefresh: HoldRefresh

    /// Creates a report.
    public init(plan: PurgePlan, removed: [MessageRef], bytes: Int64, auditSequences: [Int64], holdRefresh: HoldRefresh) {
        self.plan = plan
        self.removed = removed
        self.bytes = bytes
        self.auditSequences = auditSequences
        self.holdRefresh = holdRefresh
    }
}
