/// The first place the audit chain is broken.
public struct AuditChainProblem: Hashable, Sendable, CustomStringConvertible {
    /// The entry at fault (for a chain shorter than an anchor: the anchor's count).
    public var sequence: Int64
    /// What is wrong with it.
    public var reason: String

    /// Creates a problem.
    public init(sequence: Int64, reason: String) {
        self.sequence = sequence
        self.reason = reason
    }

    /// `audit entry N: reason`.
    public var description: String { "audit entry \(sequence): \(reason)" }
}
