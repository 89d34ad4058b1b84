/// How new messages are routed to local shards.
public enum ShardRouting: String, Hashable, Sendable {
    /// One local shard, `main`.
    case single
    /// One shard per account (the first account the message was seen in, by name).
    case account
    /// One shard per UTC year of the message's date (`undated` for none).
    case year
    /// A fixed number of shards (``IndexConfiguration/stripes``), a message going to shard
    /// `(row id - 1) mod n`: the writer fills them in parallel, one thread each, so indexing uses
    /// several cores.
    case striped
}
