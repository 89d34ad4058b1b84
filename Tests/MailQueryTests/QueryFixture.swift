import Testing

/// A query and the text expected from it (a canonical form, IMAP keys, ...).
struct QueryFixture: CustomTestStringConvertible, Sendable {
    let query: String
    let expected: String
    var testDescription: String { query }

    init(_ query: String, _ expected: String) {
        self.query = query
        self.expected = expected
    }
}
