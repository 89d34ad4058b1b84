/// How many messages the store has, their bytes, and the index work still pending.
public struct MessageTotals: Hashable, Sendable {
    /// Archived messages.
    public var messages: Int
    /// Their bytes as received.
    public var bytes: Int64
    /// Messages whose index document is missing or stale (a writer's catch-up writes them).
    public var pendingIndex: Int
    /// Purged messages whose index document is still to be deleted.
    public var pendingRemovals: Int

    /// Creates totals.
    public init(messages: Int, bytes: Int64, pendingIndex: Int, pendingRemovals: Int) {
        self.messages = messages
        self.bytes = bytes
        self.pendingIndex = pendingIndex
        self.pendingRemovals = pendingRemovals
    }
}
