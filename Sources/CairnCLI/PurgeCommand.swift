import Archive
import ArgumentParser

/// `cairn purge [--dry-run | --yes] [--format text|json]`.
struct PurgeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "purge",
        abstract: "Delete messages past retention that no legal hold covers (a dry run unless --yes).",
        discussion: """
            Without --yes, lists what would go and why (the deciding rule, the age and where it counts \
            from) and changes nothing. With --yes, first brings every hold up to date, then deletes those \
            messages from the store and the index, records every id in the audit trail and leaves the \
            chain verifiable. Nothing else in Cairn ever deletes a message.
            """
    )

    @OptionGroup var global: GlobalOptions

    @Flag(name: .long, help: "List what would be deleted, and change nothing (the default).")
    var dryRun = false

    @Flag(name: .long, help: "Delete them.")
    var yes = false

    @Option(name: .long, help: "text (default) or json (Schemas/json/purge.schema.json).")
    var format: ShowFormat = .text

    func validate() throws {
        if dryRun && yes { throw ValidationError("give --dry-run or --yes, not both") }
    }

    func run() async throws {
        let out = BufferedOutput.standardOutput()
        defer { out.flush() }
        guard yes else {
            let archive = try ArchiveOpener.forReading(global)
            defer { try? archive.close() }
            let plan = try archive.planPurge()
            out.write(format == .json ? PurgeOutput.json(plan, report: nil).pretty + "\n"
                      : PurgeOutput.text(plan, report: nil, quiet: global.quiet))
            return
        }
        let archive = try ArchiveOpener.forWriting(global)
        defer { try? archive.close() }
        let bar = ProgressBar(label: "purging", mode: global.quiet ? .never : global.progress)
        let report = try archive.purge { done, total in
            bar.setTotal(total)
            bar.update(done: done, bytes: 0)
        }
        bar.finish()
        out.write(format == .json ? PurgeOutput.json(report.plan, report: report).pretty + "\n"
                  : PurgeOutput.text(report.plan, report: report, quiet: global.quiet))
    }
}
