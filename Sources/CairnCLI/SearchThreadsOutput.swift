import Archive
import MailIndex
import MailQuery
import MailStore

/// `search --threads`: one result per thread with matches, newest first by default, with its
/// number of matches and of messages and its newest match, in every format (`ids`: thread ids).
struct SearchThreadsOutput {
    let searcher: ArchiveSearcher
    let out: BufferedOutput
    let format: SearchFormat

    /// Threads whose messages are read from the store at once.
    static let pageSize = 200

    func render(_ query: SearchQuery, order: SearchOrder, offset: Int, limit: Int?, quiet: Bool) throws {
        let page = try searcher.threads(query, order: order, offset: offset, limit: limit)
        let snippets = format == .ids || query.matchesAll || page.threads.isEmpty ? nil : try searcher.snippets(for: query)
        let text = format == .text ? SearchText(searcher: searcher, snippets: snippets, out: out) : nil
        let machine = format == .text ? nil : SearchMachineOutput(out: out, format: format, snippet: nil)
        machine?.begin()
        var start = 0
        while start < page.threads.count {
            let hits = Array(page.threads[start..<min(page.threads.count, start + SearchThreadsOutput.pageSize)])
            start += hits.count
            for thread in try searcher.threadResults(of: hits) {
                let newest = try self.newest(of: thread, query: query, order: order)
                if let text {
                    text.row(date: newest.date, from: newest.from, subject: newest.subject, tag: "thread:" + thread.threadID,
                             count: "[\(thread.matched)/\(thread.total)]")
                    if let snippets {
                        let snippet = searcher.snippet(of: newest.key, with: snippets, length: text.width - 14,
                                                       start: text.marks.start, end: text.marks.end)
                        if !snippet.isEmpty { out.write("            " + snippet + "\n") }
                    }
                } else if format == .ids {
                    out.write(thread.threadID + "\n")
                } else {
                    let snippet = snippets.map { searcher.snippet(of: newest.key, with: $0) }
                    machine?.element(SearchResultJSON.render(thread, newest: newest, snippet: snippet))
                }
            }
        }
        machine?.end()
        if format == .text && !quiet {
            SearchText.footer(shown: page.threads.count, offset: offset, total: page.total, exact: page.isExact,
                              what: "threads", out: out)
        }
    }

    /// The thread's newest match: its first one when newest first, else looked up.
    private func newest(of thread: ThreadResult, query: SearchQuery, order: SearchOrder) throws -> MessageSummary {
        guard order != .newest else { return thread.first }
        let page = try searcher.search(query.narrowed(toThread: thread.threadID), order: .newest, limit: 1)
        return page.messages.first ?? thread.first
    }
}
