import ArgumentParser

/// `cairn reindex` (not built yet).
struct ReindexCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "reindex", abstract: "(not built yet)")

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        throw CLIError.notBuiltYet("reindex")
    }
}
