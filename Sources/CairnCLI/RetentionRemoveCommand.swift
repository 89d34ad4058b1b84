import Archive
import ArgumentParser

/// `cairn retention remove (--account NAME | --folder GLOB | --all)`.
struct RetentionRemoveCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remove",
        abstract: "Remove the retention rule of a scope (its messages are then kept as other rules say, or forever)."
    )

    @OptionGroup var global: GlobalOptions
    @OptionGroup var scope: RetentionScopeOptions

    func run() async throws {
        let archive = try ArchiveOpener.forWriting(global)
        defer { try? archive.close() }
        guard try archive.removeRetention(scope.scope) else {
            throw CLIError(description: "no retention rule for \(scope.scope)", exitCode: CairnExitCode.usage.rawValue)
        }
        if !global.quiet { FileHandleOutput.standardOutput.write("retention rule for \(scope.scope) removed\n") }
    }
}
