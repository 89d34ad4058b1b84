import ArgumentParser

/// `cairn retention` (not built yet).
struct RetentionCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "retention", abstract: "(not built yet)")

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        throw CLIError.notBuiltYet("retention")
    }
}
