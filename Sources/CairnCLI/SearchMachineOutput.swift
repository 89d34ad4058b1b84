import Archive
import MailIndex
import MailQuery
import MailStore

/// `search --format json|jsonl|ids`: every result (unless `--limit`), streamed page by page so
/// that memory stays small whatever the number of matches.
struct SearchMachineOutput {
    let searcher: ArchiveSearcher
    let out: BufferedOutput
    let format: SearchFormat

    /// Results read from the store per page.
    static let pageSize = 500

    func render(_ query: SearchQuery, order: SearchOrder, offset: Int, limit: Int?) throws {
        let keys = try searcher.keys(query, order: order, offset: offset, limit: limit)
        let snippets = format == .ids || keys.isEmpty ? nil : try searcher.snippets(for: query)
        if format == .json { out.write("[") }
        var first = true
        var start = 0
        while start < keys.count {
            let page = Array(keys[start..<min(keys.count, start + SearchMachineOutput.pageSize)])
            start += page.count
            if format == .ids {
                for id in try searcher.ids(of: page) { out.write(id.hex + "\n") }
                continue
            }
            for message in try searcher.summaries(of: page) {
                let snippet = snippets.map { searcher.snippet(of: message.key, with: $0) }
                let value = SearchResultJSON.render(message, snippet: snippet)
                out.write(format == .jsonl ? value.compact + "\n" : (first ? "\n" : ",\n") + value.compact)
                first = false
            }
        }
        if format == .json { out.write(first ? "]\n" : "\n]\n") }
    }
}
