// A readable description of a parsed query, for `cairn search --explain`.
extension SearchQuery {
    /// How the query was understood, one condition a line, indented by nesting:
    ///
    /// ```
    /// all of:
    ///   from: the address ann@example.org, exactly
    ///   date: 2024-01-01 through 2024-03-31 (whole UTC days)
    ///   not:
    ///     flag: seen
    /// ```
    public var explanation: String { root.explanation }
}

extension QueryNode {
    /// How this tree reads in words, one condition a line.
    public var explanation: String {
        var lines: [String] = []
        explain(into: &lines, indent: "")
        return lines.joined(separator: "\n")
    }

    private func explain(into lines: inout [String], indent: String) {
        switch self {
        case .all:
            lines.append(indent + "every message")
        case .term(let term):
            lines.append(indent + term.explanation)
        case .not(let child):
            lines.append(indent + "not:")
            child.explain(into: &lines, indent: indent + "  ")
        case .and(let children):
            lines.append(indent + "all of:")
            for child in children { child.explain(into: &lines, indent: indent + "  ") }
        case .or(let children):
            lines.append(indent + "any of:")
            for child in children { child.explain(into: &lines, indent: indent + "  ") }
        case .saved(let name, let child):
            lines.append(indent + "saved search \"\(name)\":")
            child.explain(into: &lines, indent: indent + "  ")
        }
    }
}

extension QueryTerm {
    /// The term in words: `from: the word "ann" in names or addresses`.
    public var explanation: String {
        let label = (field?.name ?? "text") + ": "
        let kind = field?.kind
        let place: String
        switch kind {
        case nil: place = " in the subject, body, names or addresses"
        case .address: place = " in names or addresses"
        case .filename: place = " in attachment names"
        case .list: place = " in the List-Id"
        default: place = ""
        }
        let stemming = isStemmed && kind != .list ? " (any case or accent, other forms of the word too)"
            : " (any case or accent)"
        switch value {
        case .words(let text):
            return label + "the word(s) \"\(text)\"" + place + stemming
        case .phrase(let text):
            return label + "the phrase \"\(text)\"" + place + " (any case or accent)"
        case .prefix(let text):
            return label + "a word starting with \"\(text)\"" + place + " (any case or accent)"
        case .address(let text):
            return label + "the address \(text), exactly (any case)"
        case .glob(let pattern):
            let what = kind == .mimeType ? "a part of type" : kind == .filename ? "an attachment named" : "named"
            let how = pattern.hasWildcards ? "matching \"\(pattern.text)\"" : "\"\(pattern.literal)\""
            return label + what + " " + how + (kind == .mimeType ? "" : " (any case)")
        case .exact(let text):
            switch kind {
            case .has: return label + "has an attachment"
            case .state: return label + "no longer on the server (expunged)"
            case .messageID: return label + "Message-ID <\(text)>, exactly"
            case .thread: return label + "in the thread of \"\(text)\""
            case .hold: return label + "under the legal hold \"\(text)\""
            default: return label + "\"\(text)\", exactly"
            }
        case .dates(let range):
            switch (range.first, range.last) {
            case (let first?, let last?) where first == last: return label + "on \(first) (a whole UTC day)"
            case (let first?, let last?): return label + "\(first) through \(last) (whole UTC days)"
            case (let first?, nil): return label + "on or after \(first) (UTC)"
            case (nil, let last?): return label + "on or before \(last) (UTC)"
            case (nil, nil): return label + "any date"
            }
        case .sizes(let range):
            switch (range.lower, range.upper) {
            case (let lower?, let upper?) where lower == upper: return label + "exactly \(lower) bytes"
            case (let lower?, let upper?): return label + "\(lower) to \(upper) bytes"
            case (let lower?, nil): return label + "at least \(lower) bytes"
            case (nil, let upper?): return label + "at most \(upper) bytes"
            case (nil, nil): return label + "any size"
            }
        case .flag(let flag):
            return label + "\(flag.name) (as last seen on the server)"
        }
    }
}
