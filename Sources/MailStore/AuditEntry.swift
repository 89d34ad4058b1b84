import MailModel

/// One stored entry of the audit chain.
public struct AuditEntry: Hashable, Sendable {
    /// Position in the chain, from 1, without gaps.
    public var sequence: Int64
    /// When it was appended.
    public var time: Timestamp
    /// What happened.
    public var kind: AuditKind
    /// The canonical JSON payload.
    public var payload: String
    /// The hash of the entry before (32 zero bytes for the first).
    public var previousHash: SHA256Digest
    /// This entry's hash (see `AuditChain.hash`).
    public var hash: SHA256Digest

    /// Creates an entry.
    public init(sequence: Int64, time: Timestamp, kind: AuditKind, payload: String, previousHash: SHA256Digest,
                hash: SHA256Digest) {
        self.sequence = sequence
        self.time = time
        self.kind = kind
        self.payload = payload
        self.previousHash = previousHash
        self.hash = hash
    }
}
