import ArgumentParser

/// `cairn hold` (not built yet).
struct HoldCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "hold", abstract: "(not built yet)")

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        throw CLIError.notBuiltYet("hold")
    }
}
