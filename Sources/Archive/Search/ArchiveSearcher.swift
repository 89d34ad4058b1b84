import Foundation
import MailIndex
import MailModel
import MailQuery
import MailStore
import MIME
import NIOCore

/// Answers queries from the archive: the index finds the messages, the store gives their list
/// fields (and, for snippets, their text). One per thread; opening one is cheap.
///
/// ```swift
/// let searcher = try archive.makeSearcher()
/// let page = try searcher.search(query, order: .newest, limit: 50)
/// let snippets = try searcher.snippets(for: query)!
/// for message in page.messages { print(message.subject ?? "", searcher.snippet(of: message.key, with: snippets)) }
/// ```
public final class ArchiveSearcher {
    let archive: MailArchive
    let reader: MailIndexReader

    /// One page of results: the messages in order and the number of all matches.
    public struct Page: Sendable {
        /// The messages of the page, in order.
        public var messages: [MessageSummary]
        /// The number of matching messages (an estimate unless `isExact`).
        public var total: Int
        /// Whether `total` is exact.
        public var isExact: Bool
    }

    init(archive: MailArchive) throws {
        self.archive = archive
        reader = try MailIndexReader(configuration: IndexConfiguration.load(directory: archive.indexDirectory,
                                                                            language: archive.options.indexLanguage))
    }

    /// Whether the index has any shard yet (a new archive's index appears with its first writer).
    var hasIndex: Bool { !reader.shards.isEmpty }

    /// One page of the messages that match, in `order`; with `limit` nil, every match.
    public func search(_ query: SearchQuery, order: SearchOrder = .newest, offset: Int = 0, limit: Int? = nil,
                       exactTotal: Bool = false) throws -> Page {
        guard hasIndex else { return Page(messages: [], total: 0, isExact: true) }
        let page = try reader.search(query, order: order, offset: offset, limit: limit, exactTotal: exactTotal)
        let keys = page.hits.map { MessageKey($0.rowID) }
        // Documents of purged messages wait in the index for the next writer: their summaries are
        // gone, and they are not counted. One read gives both.
        let (messages, purged) = try archive.store.read { reader in
            (try reader.summaries(of: keys), try reader.pendingIndexRemovalKeys())
        }
        return Page(messages: messages, total: max(0, page.total - (try purgedMatches(query, among: purged))),
                    isExact: page.isExact)
    }

    /// The row keys of every match, in `order`, without reading the store (for `--format ids`-like
    /// uses that then read the store in pages).
    public func keys(_ query: SearchQuery, order: SearchOrder = .newest, offset: Int = 0,
                     limit: Int? = nil) throws -> [MessageKey] {
        guard hasIndex else { return [] }
        return try reader.search(query, order: order, offset: offset, limit: limit).hits.map { MessageKey($0.rowID) }
    }

    /// The list fields of messages, in the order of `keys`.
    public func summaries(of keys: [MessageKey]) throws -> [MessageSummary] {
        try archive.store.read { try $0.summaries(of: keys) }
    }

    /// The ids of messages, in the order of `keys` (one store query).
    public func ids(of keys: [MessageKey]) throws -> [MessageID] {
        try archive.store.read { try $0.messageIDs(of: keys) }
    }

    /// The exact number of matches.
    public func count(_ query: SearchQuery) throws -> Int {
        guard hasIndex else { return 0 }
        let purged = try archive.store.read { try $0.pendingIndexRemovalKeys() }
        return try reader.count(query) - purgedMatches(query, among: purged)
    }

    /// How many of the index's matches are among `purged`, the messages whose documents the next
    /// writer has yet to remove (a purge removes them after its store commits; one killed in between
    /// leaves them). Nearly always none: the queue is empty.
    private func purgedMatches(_ query: SearchQuery, among purged: Set<MessageKey>) throws -> Int {
        guard !purged.isEmpty else { return 0 }
        return try reader.search(query, order: .newest, offset: 0, limit: nil).hits
            .reduce(0) { $0 + (purged.contains(MessageKey($1.rowID)) ? 1 : 0) }
    }

    /// The query as the index runs it (for `--explain`).
    public func describe(_ query: SearchQuery) throws -> String {
        try reader.describe(query)
    }

    /// What snippets of `query`'s results are made with; nil while the index is empty.
    public func snippets(for query: SearchQuery) throws -> SearchSnippets? {
        guard hasIndex else { return nil }
        return SearchSnippets(maker: try reader.snippets(for: query), query: query)
    }

    /// Raw bytes of a message read for its snippet: text comes first in mail, attachments after.
    static let snippetPrefixBytes = 256 * 1024

    /// A snippet of a message's text around the words the query matched, the matches between
    /// `start` and `end`; "" when the message has no text (or cannot be read).
    public func snippet(of key: MessageKey, with snippets: SearchSnippets, length: Int = 160, start: String = "[",
                        end: String = "]") -> String {
        guard let decoded = try? archive.decode(key, prefixBytes: ArchiveSearcher.snippetPrefixBytes) else { return "" }
        let text = decoded.searchableText.isEmpty ? (decoded.subject ?? "") : decoded.searchableText
        let window = snippets.window(of: text)
        let snippet = snippets.maker.snippet(of: window, length: length, start: start, end: end, omit: "...")
        // No query word in the text (a match in the subject, an address, an attachment's name):
        // the beginning of the text, as a mail client's preview shows it.
        guard snippet.contains(start) else { return ArchiveSearcher.beginning(of: window, length: length) }
        // Words matched side by side (CJK n-grams) read as one mark.
        return snippet.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
            .replacingOccurrences(of: end + start, with: "")
    }

    /// The first words of a text, whitespace collapsed, at most `length` characters, `...` where cut.
    static func beginning(of text: String, length: Int) -> String {
        var result = ""
        for word in text.split(whereSeparator: { $0.isWhitespace }) {
            if result.count + word.count + 1 > length - 3 {
                return result.isEmpty ? String(word.prefix(max(1, length - 3))) + "..." : result + "..."
            }
            result += result.isEmpty ? String(word) : " " + word
        }
        return result
    }

    /// The number of documents in the index.
    public func documentCount() throws -> Int {
        guard hasIndex else { return 0 }
        return try reader.documentCount()
    }

    /// Messages the store has but the index does not know yet (a writer catches up on opening);
    /// results may miss them.
    public func unindexedCount() throws -> Int {
        try archive.store.read { try $0.pendingIndexCount() }
    }
}
