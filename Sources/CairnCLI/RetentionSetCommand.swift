import Archive
import ArgumentParser
import MailStore

/// `cairn retention set (--account NAME | --folder GLOB | --all) --keep DURATION`.
struct RetentionSetCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "set",
        abstract: "Keep the messages of a scope at least this long (replacing that scope's rule)."
    )

    @OptionGroup var global: GlobalOptions
    @OptionGroup var scope: RetentionScopeOptions

    @Option(name: .long, help: ArgumentHelp("How long: days, weeks, months or years, e.g. 90d, 26w, 18m, 7y.",
                                            valueName: "DURATION"))
    var keep: String

    func validate() throws {
        guard RetentionPeriod(keep) != nil else {
            throw ValidationError("--keep: \"\(keep)\" is not a duration; use a number and d, w, m or y, e.g. 90d, 26w, 18m, 7y")
        }
    }

    func run() async throws {
        let archive = try ArchiveOpener.forWriting(global)
        defer { try? archive.close() }
        let rule = try archive.setRetention(scope.scope, keep: RetentionPeriod(keep)!)
        if !global.quiet {
            FileHandleOutput.standardOutput.write("retention \(rule.scope): keep \(rule.keep) "
                                                  + "(`cairn purge` lists what is past it)\n")
        }
    }
}
