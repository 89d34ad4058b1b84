import Foundation
import MailIndex

extension MailArchive {
    /// The index's manifest (`index/shards.conf`): its routing and shards in search order.
    public func indexConfiguration() throws -> IndexConfiguration {
        try IndexConfiguration.load(directory: indexDirectory, language: options.indexLanguage)
    }

    /// The index's shards in search order with the documents each holds (remote shards are asked
    /// over the network; one that does not answer is listed with the problem).
    public func indexShards() throws -> [IndexShardInfo] {
        let configuration = try indexConfiguration()
        return configuration.shards.map { shard in
            var info = IndexShardInfo(name: shard.name, location: shard.location, documents: nil, problem: nil)
            if let path = configuration.path(of: shard) {
                info.location = .local(path: path)
                guard FileManager.default.fileExists(atPath: path) else {
                    info.documents = 0
                    return info
                }
            }
            var alone = configuration
            alone.shards = [shard]
            do {
                info.documents = try MailIndexReader(configuration: alone).documentCount()
            } catch {
                info.problem = "\(error)"
            }
            return info
        }
    }

    /// Searches the shard `name` through the `xapian-tcpsrv` at host:port from now on (writers
    /// only): it replaces the local shard of that name, which must hold the same documents (the
    /// local folder is left on disk), or adds a shard. Returns the documents the remote serves.
    @discardableResult
    public func attachRemoteShard(name: String, host: String, port: Int) throws -> Int {
        try requireIndexWriter().use { try $0.attachRemote(name: name, host: host, port: port) }
    }

    /// Stops searching the remote shard `name` (writers only) and indexes its messages locally
    /// again: every message is checked against the index, and those no local shard holds are
    /// indexed from their stored bytes.
    @discardableResult
    public func detachRemoteShard(name: String,
                                  progress: (@Sendable (IndexProgress) -> Void)? = nil) throws -> IndexReport {
        try requireIndexWriter().use { try $0.detachRemote(name: name) }
        try store.write { tx in _ = try tx.markAllUnindexed() }
        return try makeIndexer().catchUp(progress: progress)
    }
}
