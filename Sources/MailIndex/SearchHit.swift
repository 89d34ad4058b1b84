/// One matching message.
public struct SearchHit: Hashable, Sendable {
    /// The store's row id of the message.
    public var rowID: Int64
    /// The shard it was found in.
    public var shard: String

    /// Creates a hit.
    public init(rowID: Int64, shard: String) {
        self.rowID = rowID
        self.shard = shard
    }
}
