import Archive
import ArgumentParser
import MailStore

/// `cairn retention list [--format text|json]`.
struct RetentionListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the retention rules.")

    @OptionGroup var global: GlobalOptions

    @Option(name: .long, help: "text (default) or json (Schemas/json/retention-list.schema.json).")
    var format: ShowFormat = .text

    func run() async throws {
        let archive = try ArchiveOpener.forReading(global)
        defer { try? archive.close() }
        let rules = try archive.retentionRules()
        switch format {
        case .json:
            FileHandleOutput.standardOutput.write(JSONValue.array(rules.map(RetentionListCommand.json)).pretty + "\n")
        case .text:
            guard !rules.isEmpty else {
                if !global.quiet { FileHandleOutput.standardOutput.write("no retention rules: every message is kept\n") }
                return
            }
            var out = global.quiet ? "" : "SCOPE                           KEEP    SET\n"
            for rule in rules {
                out += rule.scope.description.padding(toLength: max(30, rule.scope.description.count), withPad: " ", startingAt: 0)
                    + "  " + rule.keep.description.padding(toLength: 6, withPad: " ", startingAt: 0) + "  " + rule.setAt.iso8601 + "\n"
            }
            FileHandleOutput.standardOutput.write(out)
        }
    }

    /// A rule as JSON.
    static func json(_ rule: RetentionRule) -> JSONValue {
        let (kind, pattern): (String, String?) = switch rule.scope {
        case .account(let name): ("account", name)
        case .folder(let glob): ("folder", glob)
        case .all: ("all", nil)
        }
        return .object([
            ("scope", .string(kind)), ("pattern", .optional(pattern)), ("keep", .string(rule.keep.description)),
            ("amount", .int(Int64(rule.keep.amount))), ("unit", .string(rule.keep.unit.rawValue)),
            ("set_at", .string(rule.setAt.iso8601)),
        ])
    }
}
