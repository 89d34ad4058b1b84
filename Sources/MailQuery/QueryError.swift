/// A query that cannot be parsed: what is wrong, in words a user understands, and where.
///
/// The CLI prints ``description`` and ``marker(under:)`` and exits with code 2.
public struct QueryError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The kind of problem, for code that reacts to it (messages are for people).
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private let name: String
        private init(_ name: String) { self.name = name }

        /// `from:` with nothing after the colon.
        public static let missingValue = Code("missingValue")
        /// `frm:` (a name before a colon that is no field).
        public static let unknownField = Code("unknownField")
        /// A `"` that is never closed.
        public static let unbalancedQuote = Code("unbalancedQuote")
        /// A `(` never closed or a `)` never opened.
        public static let unbalancedParenthesis = Code("unbalancedParenthesis")
        /// A date that is no date, or a range that ends before it starts.
        public static let badDate = Code("badDate")
        /// A size that is no size, or a range that ends before it starts.
        public static let badSize = Code("badSize")
        /// A value the field does not accept (`flag:seenn`, `has:nothing`).
        public static let badValue = Code("badValue")
        /// `AND`, `OR` or `NOT` without a term where one is needed.
        public static let misplacedOperator = Code("misplacedOperator")
        /// A `*` that is not at the end of a word, or a word of only punctuation.
        public static let badWord = Code("badWord")
        /// `query:NAME` with no saved search of that name, or saved searches that refer to each other.
        public static let badSavedQuery = Code("badSavedQuery")
        /// The query exceeds a limit of ``QueryParser/Options``.
        public static let tooComplex = Code("tooComplex")

        /// The code's name.
        public var description: String { name }
    }

    /// The kind of problem.
    public let code: Code
    /// What is wrong and how to fix it.
    public let message: String
    /// Where, in characters of the query text.
    public let range: Range<Int>

    /// Creates an error.
    public init(_ code: Code, _ message: String, at range: Range<Int>) {
        self.code = code
        self.message = message
        self.range = range
    }

    /// The message with the position: `bad date "2024-13" (at 6-12): ...`.
    public var description: String {
        "\(message) (at character \(range.lowerBound + 1))"
    }

    /// A line of spaces and carets to print under the query text, marking the problem.
    public func marker(under query: String) -> String {
        let length = query.count
        let start = min(range.lowerBound, length)
        let width = max(1, min(range.upperBound, length + 1) - start)
        return String(repeating: " ", count: start) + String(repeating: "^", count: width)
    }
}
