import Archive
import MailStore

/// `search --format json|jsonl|ids`: results written one at a time as they come (the caller reads
/// the store page by page), so that memory stays small whatever the number of matches.
///
/// `ids` writes a message's id; a server result that is not archived has none, and is written as
/// its IMAP URL (RFC 5092: `imap://user@host:port/folder;UIDVALIDITY=v/;UID=n`).
final class SearchMachineOutput {
    let out: BufferedOutput
    let format: SearchFormat
    /// The snippet of an archived message (nil: no snippets).
    let snippet: ((MessageSummary) -> String)?
    /// The accounts by name, for the URLs of server results.
    let accounts: [String: AccountConfig]
    private var first = true

    init(out: BufferedOutput, format: SearchFormat, snippet: ((MessageSummary) -> String)?,
         accounts: [String: AccountConfig] = [:]) {
        self.out = out
        self.format = format
        self.snippet = format == .ids ? nil : snippet
        self.accounts = accounts
    }

    /// Starts the output (`[` for json).
    func begin() {
        if format == .json { out.write("[") }
    }

    /// Writes one result.
    func write(_ result: SearchResult) {
        switch format {
        case .ids:
            switch result {
            case .local(let message): out.write(message.id.hex + "\n")
            case .server(let hit): out.write((hit.archived?.id.hex ?? IMAPURL.of(hit, account: accounts[hit.account])) + "\n")
            }
        case .json, .jsonl, .text:
            var text: String?
            if case .local(let message) = result { text = snippet?(message) }
            element(SearchResultJSON.render(result, snippet: text))
        }
    }

    /// Writes one JSON value as an element (json) or a line (jsonl).
    func element(_ value: JSONValue) {
        if format == .json {
            out.write((first ? "\n" : ",\n") + value.compact)
        } else {
            out.write(value.compact + "\n")
        }
        first = false
    }

    /// Ends the output (`]` for json).
    func end() {
        if format == .json { out.write(first ? "]\n" : "\n]\n") }
    }
}
