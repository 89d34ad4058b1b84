/// Where a shard's database is.
public enum ShardLocation: Hashable, Sendable {
    /// A folder on this machine (relative to the index folder, or absolute).
    case local(path: String)
    /// A database served by Xapian's `xapian-tcpsrv` (one database per server); read-only here.
    case remote(host: String, port: Int)
}
