import MailModel

/// Parses the query language of CLI.md into a ``QueryNode`` tree.
///
/// Precedence, tightest first: `NOT` / `-`, then `AND` (also implicit between terms), then `OR`;
/// parentheses group. `field:(...)` applies the field to the free words of the group.
///
/// ```
/// query    = [or-expr]
/// or-expr  = and-expr *("OR" and-expr)
/// and-expr = unary *(["AND"] unary)
/// unary    = ("NOT" / "-") unary / primary
/// primary  = "(" or-expr ")" / field ":" (value / "(" or-expr ")") / word / quoted / "*"
/// ```
public struct QueryParser: Sendable {
    /// Limits that keep a hostile or accidental query from exhausting the machine.
    public struct Options: Hashable, Sendable {
        /// The longest query text accepted, in characters. Default 10,000.
        public var maxLength: Int
        /// The deepest nesting of parentheses and `NOT`. Default 100.
        public var maxDepth: Int
        /// The most terms in one query, saved searches included. Default 1,000.
        public var maxTerms: Int
        /// The longest chain of saved searches that use other saved searches. Default 8.
        public var maxSavedQueryDepth: Int

        /// The defaults, or other limits.
        public init(maxLength: Int = 10_000, maxDepth: Int = 100, maxTerms: Int = 1_000, maxSavedQueryDepth: Int = 8) {
            self.maxLength = maxLength
            self.maxDepth = maxDepth
            self.maxTerms = maxTerms
            self.maxSavedQueryDepth = maxSavedQueryDepth
        }
    }

    /// The limits in force.
    public var options: Options
    /// The current time, for relative dates (`7d`, `today`).
    public var now: Timestamp

    /// A parser for queries typed at `now`.
    public init(now: Timestamp, options: Options = Options()) {
        self.now = now
        self.options = options
    }

    /// Parses a query; `savedQuery` returns the text of a saved search by name (nil: none).
    public func parse(_ text: String, savedQuery: (String) -> String? = { _ in nil }) throws(QueryError) -> QueryNode {
        let result: Result<QueryNode, QueryError> = withoutActuallyEscaping(savedQuery) { resolver in
            var state = ParseState(savedQuery: resolver, savedNames: [])
            do throws(QueryError) { return .success(try parse(text, state: &state)) } catch { return .failure(error) }
        }
        return try result.get()
    }

    func parse(_ text: String, state: inout ParseState) throws(QueryError) -> QueryNode {
        let length = text.count
        guard length <= options.maxLength else {
            throw QueryError(.tooComplex, "the query is too long (\(length) characters; at most \(options.maxLength))",
                             at: options.maxLength..<length)
        }
        var lexer = QueryLexer(text)
        var cursor = TokenCursor(tokens: try lexer.tokens(), textLength: length)
        if cursor.atEnd { return .all }
        let node = try orExpression(&cursor, field: nil, depth: 0, state: &state)
        if let extra = cursor.peek {
            if extra.kind == .rightParen {
                throw QueryError(.unbalancedParenthesis, "this \")\" closes no \"(\": remove it or add a \"(\" before it",
                                 at: extra.range)
            }
            throw QueryError(.misplacedOperator, "unexpected text here", at: extra.range)
        }
        return node
    }

    // or-expr = and-expr *("OR" and-expr)
    private func orExpression(_ cursor: inout TokenCursor, field: SearchField?, depth: Int,
                              state: inout ParseState) throws(QueryError) -> QueryNode {
        var children = [try andExpression(&cursor, field: field, depth: depth, state: &state)]
        while let token = cursor.peek, token.kind == .or {
            cursor.advance()
            guard cursor.startsTerm else {
                throw QueryError(.misplacedOperator, "OR needs a term after it", at: token.range)
            }
            children.append(try andExpression(&cursor, field: field, depth: depth, state: &state))
        }
        return QueryNode.disjunction(children)
    }

    // and-expr = unary *(["AND"] unary)
    private func andExpression(_ cursor: inout TokenCursor, field: SearchField?, depth: Int,
                               state: inout ParseState) throws(QueryError) -> QueryNode {
        var children = [try unary(&cursor, field: field, depth: depth, state: &state)]
        while let token = cursor.peek {
            if token.kind == .and {
                cursor.advance()
                guard cursor.startsTerm else {
                    throw QueryError(.misplacedOperator, "AND needs a term after it", at: token.range)
                }
            } else if !cursor.startsTerm {
                break
            }
            children.append(try unary(&cursor, field: field, depth: depth, state: &state))
        }
        return QueryNode.conjunction(children)
    }

    // unary = ("NOT" / "-") unary / primary
    private func unary(_ cursor: inout TokenCursor, field: SearchField?, depth: Int,
                       state: inout ParseState) throws(QueryError) -> QueryNode {
        guard let token = cursor.peek else {
            throw QueryError(.misplacedOperator, "a term is missing at the end", at: cursor.endRange)
        }
        try checkDepth(depth, at: token.range)
        switch token.kind {
        case .not, .minus:
            cursor.advance()
            guard cursor.startsTerm else {
                let name = token.kind == .not ? "NOT" : "-"
                throw QueryError(.misplacedOperator, "\(name) needs a term after it", at: token.range)
            }
            let child = try unary(&cursor, field: field, depth: depth + 1, state: &state)
            return .not(child)
        default:
            return try primary(&cursor, field: field, depth: depth, state: &state)
        }
    }

    private func primary(_ cursor: inout TokenCursor, field: SearchField?, depth: Int,
                         state: inout ParseState) throws(QueryError) -> QueryNode {
        guard let token = cursor.peek else {
            throw QueryError(.misplacedOperator, "a term is missing at the end", at: cursor.endRange)
        }
        switch token.kind {
        case .leftParen:
            return try group(&cursor, field: field, depth: depth, state: &state)
        case .rightParen:
            throw QueryError(.unbalancedParenthesis, "this \")\" closes no \"(\": remove it or add a \"(\" before it",
                             at: token.range)
        case .and, .or:
            let name = token.kind == .and ? "AND" : "OR"
            throw QueryError(.misplacedOperator, "\(name) needs a term before it", at: token.range)
        case .not, .minus:
            return try unary(&cursor, field: field, depth: depth, state: &state)
        case .field(let name):
            cursor.advance()
            return try fieldTerm(name: name, nameRange: token.range, &cursor, depth: depth, state: &state)
        case .word(let text):
            cursor.advance()
            try state.countTerm(options: options, at: token.range)
            return try value(text, quoted: false, field: field, range: token.range, state: &state)
        case .quoted(let text):
            cursor.advance()
            try state.countTerm(options: options, at: token.range)
            return try value(text, quoted: true, field: field, range: token.range, state: &state)
        }
    }

    private func group(_ cursor: inout TokenCursor, field: SearchField?, depth: Int,
                       state: inout ParseState) throws(QueryError) -> QueryNode {
        guard let open = cursor.peek else { return .all }
        cursor.advance()
        try checkDepth(depth + 1, at: open.range)
        if let close = cursor.peek, close.kind == .rightParen {
            throw QueryError(.misplacedOperator, "nothing between these parentheses",
                             at: open.range.lowerBound..<close.range.upperBound)
        }
        guard !cursor.atEnd else {
            throw QueryError(.unbalancedParenthesis, "this \"(\" is never closed: add a \")\"", at: open.range)
        }
        let node = try orExpression(&cursor, field: field, depth: depth + 1, state: &state)
        guard let close = cursor.peek, close.kind == .rightParen else {
            throw QueryError(.unbalancedParenthesis, "this \"(\" is never closed: add a \")\"", at: open.range)
        }
        cursor.advance()
        return node
    }

    private func fieldTerm(name: String, nameRange: Range<Int>, _ cursor: inout TokenCursor, depth: Int,
                           state: inout ParseState) throws(QueryError) -> QueryNode {
        guard let field = SearchField.named(name) else {
            let all = SearchField.all.flatMap(\.names)
            let hint = Suggestion.closest(to: name, among: all).map { " (did you mean \($0):?)" } ?? ""
            throw QueryError(.unknownField,
                             "unknown field \"\(name):\"\(hint); to search for the text itself, put it in quotes",
                             at: nameRange)
        }
        guard let token = cursor.peek, !token.spaceBefore else {
            throw QueryError(.missingValue, "\(field.name): needs a value right after the colon, e.g. \(field.example)",
                             at: nameRange)
        }
        switch token.kind {
        case .leftParen:
            return try group(&cursor, field: field, depth: depth, state: &state)
        case .word(let text):
            cursor.advance()
            try state.countTerm(options: options, at: token.range)
            return try value(text, quoted: false, field: field, range: nameRange.lowerBound..<token.range.upperBound,
                             state: &state)
        case .quoted(let text):
            cursor.advance()
            try state.countTerm(options: options, at: token.range)
            return try value(text, quoted: true, field: field, range: nameRange.lowerBound..<token.range.upperBound,
                             state: &state)
        default:
            throw QueryError(.missingValue, "\(field.name): needs a value right after the colon, e.g. \(field.example)",
                             at: nameRange)
        }
    }

    private func checkDepth(_ depth: Int, at range: Range<Int>) throws(QueryError) {
        guard depth <= options.maxDepth else {
            throw QueryError(.tooComplex, "the query nests too deeply (more than \(options.maxDepth) levels)", at: range)
        }
    }
}

/// What a parse carries across saved searches: the resolver, the chain of names, the term count.
struct ParseState {
    var savedQuery: (String) -> String?
    var savedNames: [String]
    var termCount = 0

    mutating func countTerm(options: QueryParser.Options, at range: Range<Int>) throws(QueryError) {
        termCount += 1
        guard termCount <= options.maxTerms else {
            throw QueryError(.tooComplex, "the query has too many terms (at most \(options.maxTerms))", at: range)
        }
    }
}

/// A read position in the token list.
struct TokenCursor {
    let tokens: [QueryToken]
    let textLength: Int
    var index = 0

    var atEnd: Bool { index >= tokens.count }
    var peek: QueryToken? { atEnd ? nil : tokens[index] }
    var endRange: Range<Int> { textLength..<textLength + 1 }
    mutating func advance() { index += 1 }

    /// Whether the next token can begin a term (and so an implicit AND).
    var startsTerm: Bool {
        guard let token = peek else { return false }
        switch token.kind {
        case .rightParen, .and, .or: return false
        default: return true
        }
    }
}
