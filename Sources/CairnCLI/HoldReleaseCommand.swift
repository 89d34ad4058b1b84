import Archive
import ArgumentParser

/// `cairn hold release NAME`.
struct HoldReleaseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "release",
        abstract: "Release a legal hold: its messages may be purged again unless another hold covers them."
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The hold's name.")
    var name: String

    func run() async throws {
        let archive = try ArchiveOpener.forWriting(global)
        defer { try? archive.close() }
        let hold = try archive.releaseHold(named: name)
        if !global.quiet {
            FileHandleOutput.standardOutput.write("hold \(hold.name) released (it covered \(hold.messageCount) "
                                                  + "message\(hold.messageCount == 1 ? "" : "s"))\n")
        }
    }
}
