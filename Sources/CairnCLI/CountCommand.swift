import Archive
import ArgumentParser

/// `cairn count [QUERY...]`: the number of archived messages that match.
struct CountCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "count",
        abstract: "Print the number of archived messages that match a query (all of them without one)."
    )

    @OptionGroup var global: GlobalOptions

    @Argument(parsing: .allUnrecognized, help: "The query (as for search).")
    var query: [String] = []

    func run() async throws {
        let parsed = try QueryInput.parse(query, home: global.resolvedHome)
        let archive = try ArchiveOpener.forReading(global)
        defer { try? archive.close() }
        let count = try archive.makeSearcher().count(parsed)
        FileHandleOutput.standardOutput.write("\(count)\n")
    }
}
