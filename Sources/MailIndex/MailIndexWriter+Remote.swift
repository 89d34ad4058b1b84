import Foundation

extension MailIndexWriter {
    /// The suffix of the local shard that takes the new documents routed to a remote shard's name
    /// (`year-2019` served elsewhere: new 2019 mail goes to the local `year-2019-local`).
    public static let localSuffix = "-local"

    /// How long a remote shard may take to answer the writer, in milliseconds.
    static let remoteTimeoutMilliseconds = 10_000

    /// Makes the shard `name` one that `xapian-tcpsrv` serves at host:port, for searching: a local
    /// shard of that name stops being opened (its folder is left on disk, for the caller to remove),
    /// or a new shard is added. Returns the number of documents the remote serves.
    ///
    /// The remote must have this Cairn's layout and language; replacing a local shard, it must serve
    /// as many documents as the local one has (a copy of it). Remote shards are read-only: the
    /// writer never changes them (see `Schemas/index/xapian-schema.md`, "Shards").
    ///
    /// ```swift
    /// try writer.attachRemote(name: "year-2015", host: "10.0.0.7", port: 7015)
    /// ```
    @discardableResult
    public func attachRemote(name: String, host: String, port: Int) throws(IndexError) -> Int {
        guard configuration.routing != .striped else {
            throw IndexError(.invalidArgument, "a striped index cannot have remote shards",
                             hint: "Split it by account or year first (`cairn index split year`).")
        }
        guard (1...65_535).contains(port), !host.isEmpty, !host.contains(" "), !name.isEmpty,
              !name.contains(" "), !name.contains("/") else {
            throw IndexError(.invalidArgument, "a remote shard needs a name without spaces or slashes and HOST:PORT")
        }
        let remote = try XapianDatabase(host: host, port: port, timeoutMilliseconds: Self.remoteTimeoutMilliseconds,
                                        connectTimeoutMilliseconds: Self.remoteTimeoutMilliseconds)
        let documents = try remote.documentCount()
        let layout = try remote.metadata(IndexLayout.versionKey)
        guard layout == String(IndexLayout.version) else {
            throw IndexError(.version, "the shard at \(host):\(port) has layout \(layout.isEmpty ? "unknown" : layout); "
                             + "this Cairn uses layout \(IndexLayout.version)")
        }
        let language = try remote.metadata(IndexLayout.languageKey)
        guard language == configuration.language else {
            throw IndexError(.version, "the shard at \(host):\(port) is stemmed in \(language), this index in "
                             + configuration.language)
        }
        let location = ShardLocation.remote(host: host, port: port)
        if let position = configuration.shards.firstIndex(where: { $0.name == name }) {
            if let local = shards[name] {
                let here = try local.documentCount()
                guard here == documents else {
                    throw IndexError(.invalidArgument, "the shard at \(host):\(port) has \(documents) documents, "
                                     + "the local shard \(name) has \(here)",
                                     hint: "Serve a copy of the local shard's folder, made while no writer ran.")
                }
                try local.commit()
                shards[name] = nil
                shardOrder.removeAll { $0 == name }
            }
            configuration.shards[position].location = location
        } else {
            configuration.shards.append(IndexShard(name: name, location: location))
        }
        remoteRowCache = nil
        try configuration.save()
        return documents
    }

    /// Forgets the remote shard `name` (the caller then indexes its messages again locally).
    public func detachRemote(name: String) throws(IndexError) {
        guard let position = configuration.shards.firstIndex(where: { $0.name == name }),
              configuration.path(of: configuration.shards[position]) == nil else {
            throw IndexError(.invalidArgument, "the index has no remote shard \(name)")
        }
        configuration.shards.remove(at: position)
        remoteRowCache = nil
        try configuration.save()
    }

    /// The row ids of the documents in the remote shards, asked once per writer (a remote shard
    /// does not change under it: nothing writes to it through Cairn).
    func remoteRowIDs() throws(IndexError) -> Set<UInt32> {
        if let remoteRowCache { return remoteRowCache }
        var rows = Set<UInt32>()
        for shard in configuration.shards {
            guard case .remote(let host, let port) = shard.location else { continue }
            let remote = try XapianDatabase(host: host, port: port, timeoutMilliseconds: Self.remoteTimeoutMilliseconds,
                                            connectTimeoutMilliseconds: Self.remoteTimeoutMilliseconds)
            rows.formUnion(try remote.documents(withTerm: ""))
        }
        remoteRowCache = rows
        return rows
    }
}
