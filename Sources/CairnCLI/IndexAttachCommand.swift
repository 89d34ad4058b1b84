import Archive
import ArgumentParser

/// `cairn index attach NAME HOST:PORT`: search a shard served by `xapian-tcpsrv`.
struct IndexAttachCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "attach",
        abstract: "Search the shard NAME through the xapian-tcpsrv at HOST:PORT from now on.",
        discussion: """
            Serve a copy of the shard's folder (index/NAME, copied while no cairn writes) on the other \
            machine with `xapian-tcpsrv --port PORT --interface ADDRESS FOLDER` (one folder per \
            server). When NAME is a local shard, the remote must hold as many documents; its local \
            folder is then no longer used and can be deleted. A new NAME adds a shard.
            """
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The shard's name (see `cairn index shards`).")
    var name: String

    @Argument(help: "Where xapian-tcpsrv listens: HOST:PORT.")
    var address: String

    /// HOST and PORT of `address`.
    static func split(_ address: String) throws -> (host: String, port: Int) {
        guard let colon = address.lastIndex(of: ":"), let port = Int(address[address.index(after: colon)...]),
              (1...65_535).contains(port), colon != address.startIndex else {
            throw ValidationError("expected HOST:PORT, got \(address)")
        }
        return (String(address[..<colon]), port)
    }

    func validate() throws {
        _ = try IndexAttachCommand.split(address)
    }

    func run() async throws {
        let (host, port) = try IndexAttachCommand.split(address)
        let archive = try ArchiveOpener.forWriting(global, catchUp: false)
        defer { try? archive.close() }
        let documents = try archive.attachRemoteShard(name: name, host: host, port: port)
        if !global.quiet {
            FileHandleOutput.standardOutput.write("shard \(name): \(documents) documents searched at \(host):\(port)\n")
        }
    }
}
