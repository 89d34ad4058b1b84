import Archive
import ArgumentParser
import MailIndex
import MailQuery
import MailStore

/// `cairn search QUERY...`: finds archived messages (and, with `--where`, messages on the servers).
struct SearchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Search the archive (and, with --where remote|auto, the IMAP servers).",
        discussion: SearchCommand.discussion
    )

    /// The query language and the modes, from the field table.
    static var discussion: String {
        SearchField.helpText + "\n\n" + """
            --where remote sends the query to the accounts' servers as UID SEARCH (folder: and account: \
            choose where) and says which parts cannot be sent; --where auto answers from the archive and \
            asks the servers only about what the archive has not seen yet (folders never synced, mail \
            newer than the last sync), each result labelled local or server. Save a query with \
            --save NAME (or cairn query save NAME QUERY) and use it as query:NAME. Put -- before a query \
            that begins with -. Exit codes: 0 (also when nothing matches), 2 bad query, 3 some server \
            or folder failed with --where auto (archive results printed), 5 the server failed with \
            --where remote.
            """
    }

    @OptionGroup var global: GlobalOptions

    @Option(name: .long, help: "Output: text (a table with snippets), json, jsonl, or ids.")
    var format: SearchFormat = .text

    @Option(name: .long, help: "Show at most N results (default: 50 for text, all for the other formats).")
    var limit: Int?

    @Option(name: .long, help: "Skip the first N results.")
    var offset: Int = 0

    @Option(name: .long, help: "Order: newest (default), oldest, relevance.")
    var sort: SearchSort = .newest

    @Option(name: .customLong("where"), help: "Where to look: local (the archive; default), remote (the servers), auto (both).")
    var place: SearchPlace = .local

    @Option(name: .long, help: "Only this account's messages (and with --where remote|auto, only its server).")
    var account: String?

    @Flag(name: .long, help: "One line per thread with matches, newest first, with its numbers of matches and messages.")
    var threads = false

    @Option(name: .long, help: ArgumentHelp("Save the query under NAME (then use query:NAME) instead of searching.",
                                            valueName: "name"))
    var save: String?

    @Flag(name: .long, help: "Print how the query was understood (readable, Xapian, IMAP SEARCH) and exit.")
    var explain = false

    @Argument(parsing: .allUnrecognized, help: "The query.",
              completion: .custom { _, _, prefix in SearchField.completions(for: prefix) })
    var query: [String] = []

    func validate() throws {
        if let limit, limit < 0 { throw ValidationError("--limit must be 0 or more") }
        if offset < 0 { throw ValidationError("--offset must be 0 or more") }
        if threads && place != .local { throw ValidationError("--threads works with --where local only: servers know no threads") }
        if save != nil && (threads || explain || place != .local || account != nil) {
            throw ValidationError("--save only saves the query; give it without --threads, --explain, --where, --account")
        }
    }

    func run() async throws {
        if let save {
            try SavedSearchActions(global: global).save(name: save, words: query)
            return
        }
        var parsed = try QueryInput.parse(query, home: global.resolvedHome)
        if let account { parsed = parsed.narrowed(toAccount: account) }
        let archive = try openArchive()
        defer { try? archive?.close() }
        let searcher = try archive?.makeSearcher()
        if explain {
            FileHandleOutput.standardOutput.write(try SearchExplanation.render(parsed, searcher: searcher, place: place))
            return
        }
        if let searcher, place != .remote { try warnUnindexed(searcher) }
        let out = BufferedOutput.standardOutput()
        defer { out.flush() }
        if threads, let searcher {
            try SearchThreadsOutput(searcher: searcher, out: out, format: format)
                .render(parsed, order: sort.order, offset: offset, limit: limit ?? (format == .text ? 50 : nil),
                        quiet: global.quiet)
            return
        }
        switch place {
        case .local:
            try render(parsed, searcher: searcher, hits: [], out: out)
        case .remote, .auto:
            try await searchServers(parsed, archive: archive, searcher: searcher, out: out)
        }
    }

    /// The archive: needed except by `--where remote`, which labels results with it when there is one.
    private func openArchive() throws -> MailArchive? {
        do {
            return try ArchiveOpener.forReading(global)
        } catch is ArchiveNotFoundError where place == .remote {
            return nil
        }
    }

    private func warnUnindexed(_ searcher: ArchiveSearcher) throws {
        let pending = try searcher.unindexedCount()
        if pending > 0 && !global.quiet {
            FileHandleOutput.standardError.write("cairn: \(pending) archived messages are not indexed yet; "
                                                 + "results may miss them (any import, or `cairn reindex`, indexes them)\n")
        }
    }

    /// Writes the archive's matches (when `searcher`) merged with `hits`, in the chosen format.
    func render(_ query: SearchQuery, searcher: ArchiveSearcher?, hits: [RemoteHit], out: BufferedOutput,
                accounts: [AccountConfig] = []) throws {
        let limit = self.limit ?? (format == .text ? 50 : nil)
        var keys: [MessageKey] = []
        var total = hits.count, exact = true, mergerOffset = offset
        if let searcher {
            // Without server hits the index skips `offset` itself; with them both lists start at 0.
            let page = hits.isEmpty ? try searcher.keyPage(query, order: sort.order, offset: offset, limit: limit)
                : try searcher.keyPage(query, order: sort.order, offset: 0, limit: limit.map { offset + $0 })
            if hits.isEmpty { mergerOffset = 0 }
            keys = page.keys
            total += page.total
            exact = page.isExact
        }
        if format == .ids, hits.isEmpty, let searcher {
            // The archive alone: ids read a page at a time in one store query each, no summaries.
            var start = 0
            while start < keys.count {
                let page = Array(keys[start..<min(keys.count, start + ResultMerger.pageSize)])
                start += page.count
                for id in try searcher.ids(of: page) { out.write(id.hex + "\n") }
            }
            return
        }
        let snippets = format == .ids || query.matchesAll || keys.isEmpty ? nil : try searcher?.snippets(for: query)
        let text = format == .text ? SearchText(searcher: searcher, snippets: snippets, out: out) : nil
        let machine = format == .text ? nil : SearchMachineOutput(
            out: out, format: format,
            snippet: snippets.flatMap { maker in searcher.map { searcher in { searcher.snippet(of: $0.key, with: maker) } } },
            accounts: Dictionary(accounts.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first }))
        machine?.begin()
        let shown = try ResultMerger(order: sort.order, offset: mergerOffset, limit: limit)
            .merge(local: keys, server: hits, summaries: { try searcher?.summaries(of: $0) ?? [] }) { result in
                if let text { text.write(result) } else { machine?.write(result) }
            }
        machine?.end()
        if text != nil && !global.quiet {
            SearchText.footer(shown: shown, offset: offset, total: total, exact: exact, out: out)
        }
    }
}
