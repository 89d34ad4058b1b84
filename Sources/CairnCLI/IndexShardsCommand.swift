import Archive
import ArgumentParser
import MailIndex

/// `cairn index shards [--format text|json]`: the shards searched, in order.
struct IndexShardsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "shards",
        abstract: "List the index's shards: name, where it is searched, documents."
    )

    @OptionGroup var global: GlobalOptions

    @Option(name: .long, help: "text (default) or json (Schemas/json/index-shards.schema.json).")
    var format: ShowFormat = .text

    func run() async throws {
        let archive = try ArchiveOpener.forReading(global)
        defer { try? archive.close() }
        let routing = try archive.indexConfiguration().routing
        let shards = try archive.indexShards()
        switch format {
        case .json:
            FileHandleOutput.standardOutput.write(IndexShardsCommand.json(routing: routing, shards).pretty + "\n")
        case .text:
            FileHandleOutput.standardOutput.write(IndexShardsCommand.text(routing: routing, shards, quiet: global.quiet))
        }
        if shards.contains(where: { $0.problem != nil }) {
            throw CLIError(description: "some shards could not be asked", exitCode: CairnExitCode.partial.rawValue)
        }
    }

    /// `local /path` or `remote host:port`.
    static func place(_ location: ShardLocation) -> (kind: String, at: String) {
        switch location {
        case .local(let path): return ("local", path)
        case .remote(let host, let port): return ("remote", "\(host):\(port)")
        }
    }

    /// One line per shard, after the routing.
    static func text(routing: ShardRouting, _ shards: [IndexShardInfo], quiet: Bool) -> String {
        var out = quiet ? "" : "routing: \(routing.rawValue)\n"
        guard !shards.isEmpty else { return out + (quiet ? "" : "no shards yet (the index appears with the first message)\n") }
        let width = max(5, shards.map(\.name.count).max() ?? 5)
        if !quiet { out += "SHARD".padding(toLength: width, withPad: " ", startingAt: 0) + "  DOCUMENTS  WHERE\n" }
        for shard in shards {
            let (kind, at) = place(shard.location)
            let documents = shard.documents.map(String.init) ?? "?"
            out += shard.name.padding(toLength: width, withPad: " ", startingAt: 0) + "  "
                + String(repeating: " ", count: max(0, 9 - documents.count)) + documents + "  \(kind) \(at)"
                + (shard.problem.map { "  (\($0))" } ?? "") + "\n"
        }
        return out
    }

    /// The routing and the shards as JSON.
    static func json(routing: ShardRouting, _ shards: [IndexShardInfo]) -> JSONValue {
        .object([
            ("routing", .string(routing.rawValue)),
            ("shards", .array(shards.map { shard in
                let (kind, at) = place(shard.location)
                return .object([
                    ("name", .string(shard.name)), ("location", .string(kind)), ("at", .string(at)),
                    ("documents", shard.documents.map { .int(Int64($0)) } ?? .null), ("problem", .optional(shard.problem)),
                ])
            })),
        ])
    }
}
