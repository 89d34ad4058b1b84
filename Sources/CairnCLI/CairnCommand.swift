import ArgumentParser

/// The `cairn` root command: archive IMAP accounts and search them.
public struct CairnCommand: AsyncParsableCommand {
    /// The command's name, summary and subcommands.
    public static let configuration = CommandConfiguration(
        commandName: "cairn",
        abstract: "Archive whole IMAP accounts, provably unaltered, and search them in milliseconds.",
        version: CairnVersion.current,
        subcommands: [
            ImportCommand.self,
            AccountCommand.self,
            SyncCommand.self,
            SearchCommand.self,
            CountCommand.self,
            QueryCommand.self,
            ShowCommand.self,
            InspectCommand.self,
            AttachmentsCommand.self,
            ExportCommand.self,
            VerifyCommand.self,
            HoldCommand.self,
            RetentionCommand.self,
            PurgeCommand.self,
            AuditCommand.self,
            StatsCommand.self,
            ReindexCommand.self,
            IndexCommand.self,
        ]
    )

    /// Global options are accepted here too, so that they work before the subcommand.
    @OptionGroup public var global: GlobalOptions

    /// Creates the command (used by the argument parser).
    public init() {}
}
