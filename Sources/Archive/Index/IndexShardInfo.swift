import MailIndex

/// One shard of an archive's index, as `cairn index shards` lists it.
public struct IndexShardInfo: Sendable {
    /// The shard's name (`main`, `year-2024`, `account-work`, ...).
    public var name: String
    /// Where it is: a folder (full path) or a `xapian-tcpsrv` address.
    public var location: ShardLocation
    /// The documents it holds; nil when it could not be asked (see ``problem``).
    public var documents: Int?
    /// Why the shard could not be asked (a remote shard that does not answer), else nil.
    public var problem: String?
}
