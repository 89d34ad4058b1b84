import ArgumentParser

/// `cairn hold add NAME QUERY... | hold list | hold release NAME`: legal holds.
struct HoldCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hold",
        abstract: "Place, list and release legal holds: messages under a hold are never purged.",
        discussion: """
            A hold covers the messages its query matches when it is placed and every message archived \
            later that matches it (each import and sync adds them), until it is released. hold:NAME \
            searches its messages. Placing and releasing are recorded in the audit trail, with every id \
            a hold covers.
            """,
        subcommands: [HoldAddCommand.self, HoldListCommand.self, HoldReleaseCommand.self]
    )
}
