import MailModel

/// One condition of a query: a field (or free words) and a value, with where it was written.
public struct QueryTerm: Hashable, Sendable {
    /// The field, or nil for free words, which search subject, body, names and addresses.
    public var field: SearchField?
    /// What to look for.
    public var value: QueryValue
    /// Where the term was written, in characters of the query text (of the saved search for terms
    /// that came from one).
    public var range: Range<Int>

    /// Creates a term.
    public init(field: SearchField?, value: QueryValue, range: Range<Int>) {
        self.field = field
        self.value = value
        self.range = range
    }

    /// The text prefixes this term's words are looked up under (free words: every free-text field).
    public var textPrefixes: [String] { field?.index.textPrefixes ?? SearchField.freeTextPrefixes }

    /// The text prefixes grouped by whether the index stems them: free words search stemmed
    /// subject and body and unstemmed names and addresses.
    public var textPrefixGroups: [(prefixes: [String], stemmed: Bool)] {
        let fields = field.map { [$0] } ?? SearchField.all.filter(\.inFreeText)
        var groups: [(prefixes: [String], stemmed: Bool)] = []
        for stemmed in [true, false] {
            let prefixes = fields.filter { $0.index.stemmed == stemmed }.flatMap(\.index.textPrefixes)
            if !prefixes.isEmpty { groups.append((prefixes, stemmed)) }
        }
        return groups
    }

    /// Whether the index stems this term's words (free words: in subject and body only).
    public var isStemmed: Bool { field?.index.stemmed ?? true }
}
