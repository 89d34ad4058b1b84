import ArgumentParser

/// `cairn verify` (not built yet).
struct VerifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "verify", abstract: "(not built yet)")

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        throw CLIError.notBuiltYet("verify")
    }
}
