/// What `cairn verify` counted.
public struct VerificationCounts: Hashable, Sendable {
    /// Messages in the store.
    public var messages = 0
    /// Their bytes as received.
    public var bytes: Int64 = 0
    /// Documents in the index (-1 when the index could not be opened).
    public var indexDocuments = 0
    /// Entries in the audit chain.
    public var auditEntries: Int64 = 0
    /// `message.archived` entries.
    public var archivedEntries = 0
    /// Messages purged, by the `purge` entries.
    public var purgedMessages = 0
    /// Messages whose index document a writer has still to write or update.
    public var pendingIndex = 0
    /// Purged messages whose index document a writer has still to delete.
    public var pendingRemovals = 0
    /// Active legal holds.
    public var activeHolds = 0

    /// All zero.
    public init() {}
}
