import ArgumentParser

/// `cairn attachments` (not built yet).
struct AttachmentsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "attachments", abstract: "(not built yet)")

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        throw CLIError.notBuiltYet("attachments")
    }
}
