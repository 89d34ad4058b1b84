/// A message as `cairn verify` compares it with the index: its key and id, and whether the index is
/// known to lag behind it.
public struct IndexInventoryItem: Hashable, Sendable {
    /// The message.
    public var message: MessageRef
    /// Whether its index document is still to be written or updated (so its absence is not a fault).
    public var isIndexPending: Bool

    /// Creates an item.
    public init(message: MessageRef, isIndexPending: Bool) {
        self.message = message
        self.isIndexPending = isIndexPending
    }
}
