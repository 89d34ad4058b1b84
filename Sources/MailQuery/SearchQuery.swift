import MailModel

/// A query of the search language, parsed: the text as typed, its tree, and the time it was
/// parsed at (relative dates are already resolved against it).
///
/// ```swift
/// let query = try SearchQuery.parse("from:ann date:2024 -flag:seen", now: .init(secondsSince1970: 1_700_000_000))
/// query.root         // .and([from:ann, date:2024-01-01..2024-12-31, .not(flag:seen)])
/// query.explanation  // a readable description, for --explain
/// ```
public struct SearchQuery: Hashable, Sendable, CustomStringConvertible {
    /// The query text as typed.
    public let text: String
    /// The parsed tree.
    public let root: QueryNode

    /// Wraps a parsed tree.
    public init(text: String, root: QueryNode) {
        self.text = text
        self.root = root
    }

    /// Parses a query typed at `now`; `savedQuery` returns a saved search's text by name.
    public static func parse(_ text: String, now: Timestamp, options: QueryParser.Options = .init(),
                             savedQuery: (String) -> String? = { _ in nil }) throws(QueryError) -> SearchQuery {
        let root = try QueryParser(now: now, options: options).parse(text, savedQuery: savedQuery)
        return SearchQuery(text: text, root: root)
    }

    /// Every message.
    public static let all = SearchQuery(text: "*", root: .all)

    /// Whether it matches every message (`*`, or nothing typed).
    public var matchesAll: Bool { root == .all }

    /// The canonical text of the query: parsing it gives the same tree (relative dates resolved).
    public var description: String { root.canonicalText }
}
