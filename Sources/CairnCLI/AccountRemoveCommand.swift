import Archive
import ArgumentParser

/// `cairn account remove NAME`: forgets the account; its archived mail stays.
struct AccountRemoveCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remove",
        abstract: "Forget an account. Its archived mail stays in the archive."
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The account's name.")
    var name: String

    func run() async throws {
        let file = ConfigFile(home: global.resolvedHome)
        var config = try file.load()
        guard config.account(named: name) != nil else {
            throw CLIError(description: "no account named '\(name)' (see: cairn account list)", exitCode: 2)
        }
        config.accounts.removeAll { $0.name == name }
        try file.save(config)
        if !global.quiet { print("removed account '\(name)'; its archived mail stays in the archive") }
    }
}
