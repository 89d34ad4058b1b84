import Archive
import Foundation
import MailIndex
import MailModel
import MailQuery
import MailStore

/// `search` as a readable table: date, sender, subject and short id, then a line of snippet with
/// the matched words marked (bold on a terminal, `[...]` otherwise). A result found on a server
/// shows `(server)` in place of the id unless it is archived too, and a line saying where it is.
struct SearchText {
    let searcher: ArchiveSearcher?
    let snippets: SearchSnippets?
    let out: BufferedOutput
    let width: Int
    let marks: (start: String, end: String)

    init(searcher: ArchiveSearcher?, snippets: SearchSnippets?, out: BufferedOutput) {
        self.searcher = searcher
        self.snippets = snippets
        self.out = out
        width = max(60, TerminalWidth.columns(default: 100))
        marks = FileHandleOutput.standardOutput.isTerminal ? ("\u{1B}[1m", "\u{1B}[0m") : ("[", "]")
    }

    /// The columns left for the subject.
    var subjectWidth: Int { max(10, width - 10 - 2 - 20 - 2 - 2 - 12) }

    /// Writes one result (and its snippet or place line).
    func write(_ result: SearchResult) {
        switch result {
        case .local(let message):
            row(date: message.date, from: message.from, subject: message.subject, tag: String(message.id.hex.prefix(12)))
            if let snippets, let searcher {
                let snippet = searcher.snippet(of: message.key, with: snippets, length: width - 14, start: marks.start,
                                               end: marks.end)
                if !snippet.isEmpty { out.write("            " + snippet + "\n") }
            }
        case .server(let hit):
            row(date: hit.date, from: hit.from, subject: hit.subject,
                tag: hit.archived.map { String($0.id.hex.prefix(12)) } ?? "(server)")
            let archived = hit.archived == nil ? ", not archived yet" : ""
            out.write("            on the server: \(hit.location), UID \(hit.uid)\(archived)\n")
        }
    }

    /// One line of the table.
    func row(date: Timestamp?, from: [Address], subject: String?, tag: String, count: String? = nil) {
        let day = date.map { String($0.iso8601.prefix(10)) } ?? "(no date)"
        let sender = from.first.map { $0.name.flatMap { $0.isEmpty ? nil : $0 } ?? $0.address } ?? "(nobody)"
        let title = subject.flatMap { $0.isEmpty ? nil : $0 } ?? "(no subject)"
        var line = day.padded(10) + "  "
        var titleWidth = subjectWidth
        if let count {
            line += count.padded(9) + "  "
            titleWidth = max(10, titleWidth - 11)
        }
        out.write(line + sender.fitted(20) + "  " + title.fitted(titleWidth) + "  " + tag + "\n")
    }

    /// After the table, on standard error: how many were shown of how many, or that none matched.
    static func footer(shown: Int, offset: Int, total: Int, exact: Bool, what: String = "messages", out: BufferedOutput) {
        guard offset + shown < total || shown == 0 else { return }
        out.flush()
        let about = exact ? "" : "about "
        let message = shown == 0 ? "no \(what) match\n"
            : "\(shown) of \(about)\(total) \(what) shown (--limit N and --offset N for more)\n"
        FileHandleOutput.standardError.write(message)
    }
}
