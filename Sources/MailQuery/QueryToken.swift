/// One token of a query's text.
struct QueryToken: Hashable {
    enum Kind: Hashable {
        /// A bare word (it may end in `*`, or be a field's value).
        case word(String)
        /// A `"quoted"` string, escapes resolved.
        case quoted(String)
        /// `name:` before a value; the value is the next token and follows without a space.
        case field(String)
        case leftParen
        case rightParen
        case and
        case or
        case not
        /// `-` directly before a term.
        case minus
    }

    var kind: Kind
    /// Characters of the query text.
    var range: Range<Int>
    /// Whether whitespace came before it.
    var spaceBefore: Bool
}
