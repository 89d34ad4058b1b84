import Archive
import MailQuery

/// `search --explain`: how the query was understood, as the index runs it, and as IMAP SEARCH.
enum SearchExplanation {
    static func render(_ query: SearchQuery, searcher: ArchiveSearcher) throws -> String {
        var out = "query:    \(query.text.isEmpty ? "*" : query.text)\n"
        out += "canonical: \(query.description)\n"
        out += "meaning:\n" + query.explanation.split(separator: "\n").map { "  " + $0 }.joined(separator: "\n") + "\n"
        out += "xapian:   \(try searcher.describe(query))\n"
        do {
            out += "imap:     UID SEARCH \(try query.imapSearch())\n"
        } catch {
            out += "imap:     cannot be sent as IMAP SEARCH: \(error)\n"
        }
        return out
    }
}
