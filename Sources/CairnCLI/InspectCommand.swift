import ArgumentParser

/// `cairn inspect` (not built yet).
struct InspectCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "inspect", abstract: "(not built yet)")

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        throw CLIError.notBuiltYet("inspect")
    }
}
