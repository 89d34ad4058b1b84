import ArgumentParser

/// `cairn query list | save NAME QUERY... | delete NAME`: saved searches, which `query:NAME` uses
/// inside any query (as notmuch's `query:` and mu's bookmarks).
struct QueryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "query",
        abstract: "Saved searches: list, save, delete (use one with query:NAME in any query).",
        discussion: """
            A saved search is a named query; query:NAME stands for it inside any query, also inside \
            another saved search. cairn search --save NAME QUERY... saves one too.
            """,
        subcommands: [QueryListCommand.self, QuerySaveCommand.self, QueryDeleteCommand.self],
        defaultSubcommand: QueryListCommand.self
    )
}

/// `cairn query list`
struct QueryListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the saved searches.")

    @OptionGroup var global: GlobalOptions

    @Option(name: .long, help: "Output: text or json.")
    var format: SavedSearchFormat = .text

    func run() async throws {
        try SavedSearchActions(global: global).list(format: format)
    }
}

/// `cairn query save NAME QUERY...`
struct QuerySaveCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "save", abstract: "Save (or replace) a search by name.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The name (letters, digits, '.', '_', '-').")
    var name: String

    @Argument(parsing: .allUnrecognized, help: "The query.")
    var query: [String] = []

    func run() async throws {
        try SavedSearchActions(global: global).save(name: name, words: query)
    }
}

/// `cairn query delete NAME`
struct QueryDeleteCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "delete", abstract: "Delete a saved search.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The name.")
    var name: String

    func run() async throws {
        try SavedSearchActions(global: global).delete(name: name)
    }
}

/// The output formats of `cairn query list`.
enum SavedSearchFormat: String, ExpressibleByArgument, CaseIterable, Sendable {
    case text, json
}
