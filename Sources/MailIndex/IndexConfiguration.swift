import Foundation

/// Where an index lives and how it is split: its folder, its shards (local or remote), how new
/// messages are routed to shards, and the stemming language.
///
/// Kept in `<directory>/shards.conf` (see `Schemas/index/xapian-schema.md`, "Shards"), so that every
/// writer routes the same way and every reader searches the same shards.
///
/// ```swift
/// var config = try IndexConfiguration.load(directory: home + "/index")  // or the defaults: one shard
/// config.shards.append(IndexShard(name: "team-b", location: .remote(host: "127.0.0.1", port: 7100)))
/// try config.save()
/// ```
public struct IndexConfiguration: Hashable, Sendable {
    /// The index folder.
    public var directory: String
    /// How new messages are routed to local shards.
    public var routing: ShardRouting
    /// The stemming language of new shards ("english", "german", ..., "none").
    public var language: String
    /// The shards, in search order (the order maps combined docids back to shards).
    public var shards: [IndexShard]
    /// The number of shards of ``ShardRouting/striped`` routing.
    public var stripes: Int

    /// The name of the manifest file in the index folder.
    public static let manifestName = "shards.conf"

    /// A configuration; with no shards given, one local shard `main`, or `stripes` shards
    /// `stripe-0`... for striped routing (or none yet, for routing by account or year, whose shards
    /// appear as messages arrive).
    public init(directory: String, routing: ShardRouting = .single, language: String = "english",
                stripes: Int = 2, shards: [IndexShard]? = nil) {
        self.directory = directory
        self.routing = routing
        self.language = language
        self.stripes = max(1, stripes)
        switch routing {
        case .single:
            self.shards = shards ?? [IndexShard(name: "main", location: .local(path: "main"))]
        case .striped:
            self.shards = shards ?? (0..<self.stripes).map {
                IndexShard(name: "stripe-\($0)", location: .local(path: "stripe-\($0)"))
            }
        case .account, .year:
            self.shards = shards ?? []
        }
    }

    /// The configuration in `<directory>/shards.conf`, or the defaults when there is none.
    public static func load(directory: String, defaultRouting: ShardRouting = .single,
                            language: String = "english") throws(IndexError) -> IndexConfiguration {
        let path = directory + "/" + manifestName
        guard FileManager.default.fileExists(atPath: path) else {
            return IndexConfiguration(directory: directory, routing: defaultRouting, language: language)
        }
        let text: String
        do { text = try String(contentsOfFile: path, encoding: .utf8) } catch {
            throw IndexError(.failed, "cannot read \(path): \(error)")
        }
        var config = IndexConfiguration(directory: directory, routing: defaultRouting, language: language, shards: [])
        // Any line break: "\r\n" is one Character, which splitting on "\n" alone would never cut.
        for (number, rawLine) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            var line = rawLine
            while line.first?.isWhitespace == true { line.removeFirst() }
            while line.last?.isWhitespace == true { line.removeLast() }
            if line.isEmpty || line.hasPrefix("#") { continue }
            let words = line.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
            func bad() -> IndexError {
                IndexError(.failed, "\(path), line \(number + 1): cannot read \"\(line)\"",
                           hint: "Each line is `routing single|account|year|striped`, `stripes N`, "
                               + "`language NAME`, `local NAME PATH` or `remote NAME HOST:PORT`.")
            }
            switch (words.first, words.count) {
            case ("routing", 2):
                guard let routing = ShardRouting(rawValue: words[1]) else { throw bad() }
                config.routing = routing
            case ("language", 2):
                config.language = words[1]
            case ("stripes", 2):
                guard let count = Int(words[1]), count >= 1 else { throw bad() }
                config.stripes = count
            case ("local", 3):
                config.shards.append(IndexShard(name: words[1], location: .local(path: words[2])))
            case ("remote", 3):
                guard let colon = words[2].lastIndex(of: ":"), let port = Int(words[2][words[2].index(after: colon)...]),
                      (1...65535).contains(port) else { throw bad() }
                config.shards.append(IndexShard(name: words[1],
                                                location: .remote(host: String(words[2][..<colon]), port: port)))
            default:
                throw bad()
            }
        }
        return config
    }

    /// Writes `<directory>/shards.conf` (creating the folder, mode 0700).
    public func save() throws(IndexError) {
        var lines = ["# Cairn index shards (Schemas/index/xapian-schema.md, \"Shards\"); searched in this order.",
                     "routing \(routing.rawValue)", "language \(language)"]
        if routing == .striped { lines.append("stripes \(stripes)") }
        for shard in shards {
            switch shard.location {
            case .local(let path): lines.append("local \(shard.name) \(path)")
            case .remote(let host, let port): lines.append("remote \(shard.name) \(host):\(port)")
            }
        }
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
            let path = directory + "/" + IndexConfiguration.manifestName
            try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        } catch {
            throw IndexError(.failed, "cannot write the index manifest in \(directory): \(error)")
        }
    }

    /// The full path of a local shard; nil for a remote one.
    public func path(of shard: IndexShard) -> String? {
        guard case .local(let path) = shard.location else { return nil }
        return path.hasPrefix("/") ? path : directory + "/" + path
    }
}
