import ArgumentParser

/// `cairn index shards | split | attach | detach`: how the search index is split into shards and
/// where each shard is searched.
struct IndexCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "index",
        abstract: "List the index's shards, split the index by account or year, search shards served by other machines.",
        discussion: """
            The index (index/ in the archive) is one or more Xapian shards that search reads as one \
            database; index/shards.conf lists them. `split` rebuilds the index into one shard per \
            account or per year; a shard copied to another machine and served there by xapian-tcpsrv \
            (Debian's xapian-tools) is searched over TCP after `attach`. Remote shards are read-only \
            snapshots: new mail for them goes to a local shard NAME-local, and `detach` indexes their \
            messages locally again. See the README, "Spreading an archive over machines".
            """,
        subcommands: [IndexShardsCommand.self, IndexSplitCommand.self, IndexAttachCommand.self, IndexDetachCommand.self]
    )
}
