import Archive
import ArgumentParser
import MailStore

/// `cairn hold list [--all] [--format text|json]`.
struct HoldListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the active legal holds with the number of messages each covers."
    )

    @OptionGroup var global: GlobalOptions

    @Flag(name: .long, help: "Released holds too.")
    var all = false

    @Option(name: .long, help: "text (default) or json (Schemas/json/hold-list.schema.json).")
    var format: ShowFormat = .text

    func run() async throws {
        let archive = try ArchiveOpener.forReading(global)
        defer { try? archive.close() }
        let holds = try archive.holds(includingReleased: all)
        switch format {
        case .json:
            FileHandleOutput.standardOutput.write(JSONValue.array(holds.map(HoldListCommand.json)).pretty + "\n")
        case .text:
            FileHandleOutput.standardOutput.write(HoldListCommand.text(holds, quiet: global.quiet))
        }
    }

    /// One line per hold: name, messages, when placed (and released), query, reason.
    static func text(_ holds: [Hold], quiet: Bool) -> String {
        guard !holds.isEmpty else { return quiet ? "" : "no legal holds\n" }
        let width = max(4, holds.map(\.name.count).max() ?? 4)
        var out = quiet ? "" : "NAME".padding(toLength: width, withPad: " ", startingAt: 0) + "  MESSAGES  PLACED                "
            + "STATE                          QUERY\n"
        for hold in holds {
            let count = String(hold.messageCount)
            let state = hold.releasedAt.map { "released \($0.iso8601)" } ?? "active"
            out += hold.name.padding(toLength: width, withPad: " ", startingAt: 0) + "  "
                + String(repeating: " ", count: max(0, 8 - count.count)) + count + "  " + hold.placedAt.iso8601 + "  "
                + state.padding(toLength: 29, withPad: " ", startingAt: 0) + "  " + hold.query
                + (hold.reason.map { "  (\($0))" } ?? "") + "\n"
        }
        return out
    }

    /// A hold as JSON.
    static func json(_ hold: Hold) -> JSONValue {
        .object([
            ("name", .string(hold.name)), ("query", .string(hold.query)), ("reason", .optional(hold.reason)),
            ("placed_at", .string(hold.placedAt.iso8601)), ("released_at", .optional(hold.releasedAt?.iso8601)),
            ("active", .bool(hold.isActive)), ("messages", .int(Int64(hold.messageCount))),
        ])
    }
}
