import Archive
import ArgumentParser
import MailIndex
import MailQuery
import MailStore

/// `cairn search QUERY...`: finds archived messages.
struct SearchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Search the archive.",
        discussion: """
            Free words and "quoted phrases" search subject, text and addresses; fields such as from:, \
            to:, subject:, date:2024-01..2024-03, folder:, flag:, has:attachment narrow the search; \
            AND, OR, NOT, a leading -, and parentheses combine them (see the query language in CLI.md). \
            No query, or *, matches every message. Put -- before a query that begins with -.
            """
    )

    @OptionGroup var global: GlobalOptions

    @Option(name: .long, help: "Output: text (a table with snippets), json, jsonl, or ids.")
    var format: SearchFormat = .text

    @Option(name: .long, help: "Show at most N results (default: 50 for text, all for the other formats).")
    var limit: Int?

    @Option(name: .long, help: "Skip the first N results.")
    var offset: Int = 0

    @Option(name: .long, help: "Order: newest (default), oldest, relevance.")
    var sort: SearchSort = .newest

    @Flag(name: .long, help: "Print how the query was understood and exit.")
    var explain = false

    @Argument(parsing: .allUnrecognized, help: "The query.")
    var query: [String] = []

    func validate() throws {
        if let limit, limit < 0 { throw ValidationError("--limit must be 0 or more") }
        if offset < 0 { throw ValidationError("--offset must be 0 or more") }
    }

    func run() async throws {
        let parsed = try QueryInput.parse(query)
        let archive = try ArchiveOpener.forReading(global)
        defer { try? archive.close() }
        let searcher = try archive.makeSearcher()
        if explain {
            FileHandleOutput.standardOutput.write(try SearchExplanation.render(parsed, searcher: searcher))
            return
        }
        let pending = try searcher.unindexedCount()
        if pending > 0 && !global.quiet {
            FileHandleOutput.standardError.write("cairn: \(pending) archived messages are not indexed yet; "
                                                 + "results may miss them (any import, or `cairn reindex`, indexes them)\n")
        }
        let out = BufferedOutput.standardOutput()
        defer { out.flush() }
        switch format {
        case .text:
            try SearchText(searcher: searcher, out: out)
                .render(parsed, order: sort.order, offset: offset, limit: limit ?? 50, quiet: global.quiet)
        case .json, .jsonl, .ids:
            try SearchMachineOutput(searcher: searcher, out: out, format: format)
                .render(parsed, order: sort.order, offset: offset, limit: limit)
        }
    }
}
