import ArgumentParser

/// `cairn account add|list|show|remove`: the IMAP accounts to archive.
struct AccountCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "account",
        abstract: "Add, list, show or remove the IMAP accounts to archive.",
        subcommands: [AccountAddCommand.self, AccountListCommand.self, AccountShowCommand.self, AccountRemoveCommand.self]
    )
}
