#if canImport(Glibc)
import Glibc
#endif
import Archive
import ArgumentParser
import MailModel
import MailQuery
import MailStore

/// `cairn audit [--since DATE] [--format text|json]`: the audit trail.
struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Print the audit trail: every message archived, seen expunged, flag change, import, export, "
            + "hold, retention change, purge and reindex, as a hash chain.",
        discussion: """
            Text: one line per entry (sequence, time, kind, what happened). JSON: an array of the entries \
            with their payloads and hashes (Schemas/json/audit.schema.json); each entry's sha256 is the \
            SHA-256 of "cairn-audit-1\\n<seq>\\n<time>\\n<kind>\\n<prev_sha256>\\n<payload>", so the chain \
            can be checked without Cairn. `cairn verify --quick` checks it.
            """
    )

    @OptionGroup var global: GlobalOptions

    @Option(name: .long, help: ArgumentHelp(
        "Only entries from this time on: YYYY, YYYY-MM, YYYY-MM-DD (UTC), 7d, 2w, 3m, 1y, today, yesterday, "
            + "or YYYY-MM-DDTHH:MM:SSZ.", valueName: "DATE"))
    var since: String?

    @Option(name: .long, help: "text (default) or json.")
    var format: ShowFormat = .text

    func run() async throws {
        let start = try since.map(AuditCommand.parseSince)
        let archive = try ArchiveOpener.forReading(global)
        defer { try? archive.close() }
        try AuditCommand.print(archive, since: start, format: format, to: BufferedOutput.standardOutput())
    }

    /// Streams the entries from `since` on, one at a time, to `out`.
    static func print(_ archive: MailArchive, since: Timestamp?, format: ShowFormat, to out: BufferedOutput) throws {
        defer { out.flush() }
        var first = true
        if format == .json { out.write("[") }
        try archive.store.read { reader in
            try reader.forEachAuditEntry(since: since) { entry in
                switch format {
                case .text:
                    out.write(AuditText.line(entry) + "\n")
                case .json:
                    out.write((first ? "\n  " : ",\n  ") + AuditText.json(entry).compact)
                }
                first = false
                return true
            }
        }
        if format == .json { out.write(first ? "]\n" : "\n]\n") }
    }

    /// A `--since` value: a full UTC time, or a date of the query language (its first second).
    static func parseSince(_ text: String) throws -> Timestamp {
        if let time = AuditText.parseTime(text) { return time }
        let now = Timestamp(rawValue: Int64(Glibc.time(nil)))
        if !text.contains(".."), !text.contains(" "),
           let query = try? SearchQuery.parse("date:" + text + "..", now: now),
           case .term(let term) = query.root, case .dates(let range) = term.value, let lower = range.lowerBound {
            return lower
        }
        throw CLIError(description: "--since: \"\(text)\" is not a date; use YYYY, YYYY-MM, YYYY-MM-DD, 7d, 2w, 3m, 1y, "
                           + "today, yesterday or YYYY-MM-DDTHH:MM:SSZ", exitCode: CairnExitCode.usage.rawValue)
    }
}
