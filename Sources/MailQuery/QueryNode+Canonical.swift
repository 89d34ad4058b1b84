// The canonical text of a tree: the query language again, with every choice made explicit, so that
// parsing it gives the same tree back.
extension QueryNode {
    /// The canonical query text (`*` for everything).
    public var canonicalText: String { canonical(parentPrecedence: 0) }

    private var precedence: Int {
        switch self {
        case .or: return 1
        case .and: return 2
        default: return 3
        }
    }

    private func canonical(parentPrecedence: Int) -> String {
        let text: String
        switch self {
        case .all:
            return "*"
        case .term(let term):
            return term.canonicalText
        case .not(let child):
            return "NOT " + child.canonical(parentPrecedence: 3)
        case .and(let children):
            text = children.map { $0.canonical(parentPrecedence: 2) }.joined(separator: " ")
        case .or(let children):
            text = children.map { $0.canonical(parentPrecedence: 1) }.joined(separator: " OR ")
        case .saved(let name, _):
            return "query:" + QueryTerm.quotedIfNeeded(name)
        }
        return precedence < parentPrecedence ? "(" + text + ")" : text
    }
}

extension QueryTerm {
    /// The term as it can be typed: `from:ann`, `"a phrase"`, `date:2024-01-01..2024-01-31`.
    public var canonicalText: String {
        let prefix = field.map { $0.name + ":" } ?? ""
        // id:, thread: and list: take off one pair of angle brackets; give them one to take.
        let bracketed = field.map { [.messageID, .thread, .list].contains($0.kind) } ?? false
        func wrap(_ text: String) -> String { bracketed ? "<" + text + ">" : text }
        switch value {
        case .words(let text): return prefix + wrap(text)
        case .phrase(let text): return prefix + QueryTerm.quoted(wrap(text))
        case .prefix(let text): return prefix + text + "*"
        case .address(let text): return prefix + text
        case .glob(let pattern): return prefix + QueryTerm.quotedIfNeeded(pattern.text)
        case .exact(let text): return prefix + QueryTerm.quotedIfNeeded(wrap(text))
        case .dates(let range): return prefix + range.description
        case .sizes(let range): return prefix + range.description
        case .flag(let flag): return prefix + flag.name
        }
    }

    /// `"text"` with `"` and `\` escaped: the quoting of the query language and of IMAP
    /// (RFC 3501 9, `quoted`) alike.
    /// Works on Unicode scalars, as the lexer does: a `"` with a combining mark after it is still a quote.
    static func quoted(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        result.append("\"")
        for scalar in text.unicodeScalars {
            if scalar == "\"" || scalar == "\\" { result.append("\\") }
            result.append(scalar)
        }
        result.append("\"")
        return String(result)
    }

    /// The text bare when the lexer reads it back as one value, quoted otherwise.
    static func quotedIfNeeded(_ text: String) -> String {
        let needsQuotes = text.isEmpty || text.unicodeScalars.first == "("
            || text.unicodeScalars.contains { $0.properties.isWhitespace || $0 == ")" || $0 == "\"" }
        return needsQuotes ? quoted(text) : text
    }
}
