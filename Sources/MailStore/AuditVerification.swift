/// The result of walking the audit chain.
public struct AuditVerification: Hashable, Sendable {
    /// Entries checked.
    public var entries: Int64
    /// The chain's head as stored.
    public var head: AuditAnchor
    /// The first broken entry, if any; nil when the chain is intact (and extends the anchor, if one
    /// was given).
    public var problem: AuditChainProblem?

    /// Creates a result.
    public init(entries: Int64, head: AuditAnchor, problem: AuditChainProblem?) {
        self.entries = entries
        self.head = head
        self.problem = problem
    }

    /// Whether the chain verified.
    public var isIntact: Bool { problem == nil }
}
