import Archive
import ArgumentParser

/// `cairn hold add NAME QUERY... [--reason TEXT]`.
struct HoldAddCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Place a legal hold on the messages a query matches, now and later (* for every message)."
    )

    @OptionGroup var global: GlobalOptions

    @Option(name: .long, help: "Why (a case or matter reference); kept with the hold and in the audit trail.")
    var reason: String?

    @Argument(help: "The hold's name (one word: hold:NAME searches its messages).")
    var name: String

    @Argument(parsing: .allUnrecognized, help: "The query (as for search; * for every message).")
    var query: [String] = []

    func validate() throws {
        if query.isEmpty { throw ValidationError("give the query the hold covers (* for every message)") }
    }

    func run() async throws {
        let parsed = try QueryInput.parse(query)
        let archive = try ArchiveOpener.forWriting(global)
        defer { try? archive.close() }
        let hold = try archive.placeHold(name: name, query: parsed, reason: reason)
        if !global.quiet {
            FileHandleOutput.standardOutput.write(
                "hold \(hold.name) placed: it covers \(hold.messageCount) message\(hold.messageCount == 1 ? "" : "s") "
                    + "now, and those archived later that match \(hold.query)\n")
        }
    }
}
