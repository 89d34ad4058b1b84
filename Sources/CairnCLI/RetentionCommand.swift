import ArgumentParser

/// `cairn retention set (--account NAME | --folder GLOB | --all) --keep DURATION | retention list |
/// retention remove (...)`: how long messages are kept at least.
struct RetentionCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "retention",
        abstract: "Set, list and remove retention rules: how long messages are kept at least.",
        discussion: """
            A message's age counts from its INTERNALDATE, else its Date header, else the time it was \
            archived. A message in no rule's scope is kept forever; one in several scopes is kept as long \
            as the longest of them says. Rules only say what `cairn purge` may delete; nothing is deleted \
            until it runs with --yes, and never what a legal hold covers. Changes are in the audit trail.
            """,
        subcommands: [RetentionSetCommand.self, RetentionListCommand.self, RetentionRemoveCommand.self]
    )
}
