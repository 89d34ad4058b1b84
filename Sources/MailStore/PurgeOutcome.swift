/// What a purge deleted.
public struct PurgeOutcome: Hashable, Sendable {
    /// The messages deleted (their index documents are queued for removal).
    public var removed: [MessageRef]
    /// Their bytes as received.
    public var bytes: Int64
    /// The audit entry that records the purge.
    public var auditSequence: Int64

    /// Creates an outcome.
    public init(removed: [MessageRef], bytes: Int64, auditSequence: Int64) {
        self.removed = removed
        self.bytes = bytes
        self.auditSequence = auditSequence
    }
}
