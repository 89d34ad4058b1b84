/// One shard of the index: a Xapian database searched together with the others.
public struct IndexShard: Hashable, Sendable {
    /// The shard's name (`main`, `account-work`, `year-2024`, or one given to a remote shard).
    public var name: String
    /// Where the database is.
    public var location: ShardLocation

    /// Creates a shard entry.
    public init(name: String, location: ShardLocation) {
        self.name = name
        self.location = location
    }
}
