import CXapian
import MailQuery

/// Turns a parsed query into a Xapian query for one (possibly combined) database: words through
/// Xapian's QueryParser (so they are cut like the mail was), patterns expanded against the
/// index's own terms, `thread:` resolved through the message it names, dates and sizes as value
/// ranges, exact conditions as boolean filters.
struct QueryTranslator {
    let database: XapianDatabase
    let parser: XapianQueryParser

    func translate(_ node: QueryNode) throws(IndexError) -> XapianQuery {
        switch node {
        case .all:
            return try .all()
        case .term(let term):
            return try translate(term)
        case .saved(_, let child):
            return try translate(child)
        case .not(let child):
            return try .combine(CX_OP_AND_NOT, [.all(), translate(child)])
        case .or(let children):
            var parts: [XapianQuery] = []
            for child in children { parts.append(try translate(child)) }
            return try .combine(CX_OP_OR, parts)
        case .and(let children):
            var weighted: [XapianQuery] = [], filters: [XapianQuery] = [], excluded: [XapianQuery] = []
            for child in children {
                if case .not(let inner) = child {
                    excluded.append(try translate(inner))
                } else if QueryTranslator.isFilter(child) {
                    filters.append(try translate(child))
                } else {
                    weighted.append(try translate(child))
                }
            }
            var query: XapianQuery
            if weighted.isEmpty {
                query = filters.isEmpty ? try .all() : try .combine(CX_OP_AND, filters)
            } else {
                query = try .combine(CX_OP_AND, weighted)
                if !filters.isEmpty { query = try .combine(CX_OP_FILTER, [query] + filters) }
            }
            if !excluded.isEmpty { query = try .combine(CX_OP_AND_NOT, [query] + excluded) }
            return query
        }
    }

    /// Whether a node is an exact condition that should filter without weighing.
    static func isFilter(_ node: QueryNode) -> Bool {
        guard case .term(let term) = node, let kind = term.field?.kind else { return false }
        switch kind {
        case .text, .address, .list, .savedQuery: return false
        case .filename:
            if case .glob = term.value { return true }
            return false
        default: return true
        }
    }

    private func translate(_ term: QueryTerm) throws(IndexError) -> XapianQuery {
        guard let field = term.field else { return try text(term) }
        switch field.kind {
        case .text:
            return try text(term)
        case .address:
            if case .address(let address) = term.value {
                var parts: [XapianQuery] = []
                for prefix in field.index.booleanPrefixes {
                    parts.append(try .term(IndexLayout.booleanTerm(prefix, address)))
                }
                return try .combine(CX_OP_OR, parts)
            }
            return try text(term)
        case .filename:
            if case .glob(let pattern) = term.value {
                let folded = GlobPattern(try XapianFold.foldLower(pattern.text))
                return try expand(IndexLayout.prefix(field), folded, caseInsensitive: false)
            }
            return try text(term)
        case .mimeType, .folder, .account:
            guard case .glob(let pattern) = term.value else { return try .nothing() }
            return try expand(IndexLayout.prefix(field), pattern, caseInsensitive: field.kind != .mimeType)
        case .has, .state, .hold, .messageID:
            guard case .exact(let value) = term.value else { return try .nothing() }
            return try .term(IndexLayout.booleanTerm(IndexLayout.prefix(field), value))
        case .flag:
            guard case .flag(let flag) = term.value else { return try .nothing() }
            return try .term(IndexLayout.booleanTerm(IndexLayout.prefix(field), flag.name))
        case .thread:
            guard case .exact(let value) = term.value else { return try .nothing() }
            return try thread(value)
        case .list:
            let words = try text(term)
            switch term.value {
            case .words(let value), .phrase(let value):
                let exact = try XapianQuery.term(IndexLayout.booleanTerm(IndexLayout.prefix(field), value.lowercased()))
                return try .combine(CX_OP_OR, [exact, words])
            default:
                return words
            }
        case .date, .before, .after:
            guard case .dates(let range) = term.value else { return try .nothing() }
            return try .valueRange(slot: IndexLayout.dateSlot, low: range.lowerBound.map { Double($0.rawValue) },
                                   high: range.upperBound.map { Double($0.rawValue) })
        case .size:
            guard case .sizes(let range) = term.value else { return try .nothing() }
            return try .valueRange(slot: IndexLayout.sizeSlot, low: range.lower.map(Double.init),
                                   high: range.upper.map(Double.init))
        case .savedQuery:
            return try .nothing()
        }
    }

    /// Words, a phrase or a prefix in the term's text fields (stemmed where the index stems).
    private func text(_ term: QueryTerm) throws(IndexError) -> XapianQuery {
        if case .prefix(let text) = term.value { return try .wildcard(text, prefixes: term.textPrefixes) }
        var parts: [XapianQuery] = []
        for group in term.textPrefixGroups {
            let query: XapianQuery
            switch term.value {
            case .words(let text):
                query = try .parse(text, parser: parser, prefixes: group.prefixes, phrase: false, stem: group.stemmed)
            case .phrase(let text), .address(let text):
                query = try .parse(text, parser: parser, prefixes: group.prefixes, phrase: true, stem: group.stemmed)
            default:
                continue
            }
            if !query.isEmpty { parts.append(query) }
        }
        return parts.isEmpty ? try .nothing() : try .combine(CX_OP_OR, parts)
    }

    /// The terms under `prefix` whose value matches the pattern, ORed (nothing when none does).
    private func expand(_ prefix: String, _ pattern: GlobPattern, caseInsensitive: Bool) throws(IndexError) -> XapianQuery {
        if !pattern.hasWildcards, !caseInsensitive {
            return try .term(IndexLayout.booleanTerm(prefix, pattern.literal))
        }
        let scan = caseInsensitive ? prefix : prefix + pattern.literalPrefix
        // A name without wildcards also matches its exact term, which may be cut and hashed.
        var terms = pattern.hasWildcards ? [] : [IndexLayout.booleanTerm(prefix, pattern.literal)]
        for term in try database.allTerms(prefix: scan) where !terms.contains(term) {
            let value = String(term.utf8.dropFirst(prefix.utf8.count))!
            if pattern.matches(value, caseInsensitive: caseInsensitive) { terms.append(term) }
        }
        var matches: [XapianQuery] = []
        for term in terms { matches.append(try .term(term)) }
        return matches.isEmpty ? try .nothing() : try .combine(CX_OP_OR, matches)
    }

    /// The messages of the thread of the message (or thread) that `reference` names: a thread id,
    /// a message id or an 8+ digit prefix of one, or a Message-ID.
    private func thread(_ reference: String) throws(IndexError) -> XapianQuery {
        let threadPrefix = IndexLayout.prefix(.thread)
        let threadTerm = IndexLayout.booleanTerm(threadPrefix, reference)
        if try !database.documents(withTerm: threadTerm).isEmpty { return try .term(threadTerm) }
        var docids: [UInt32] = []
        let lower = reference.lowercased()
        if (8...64).contains(lower.count), lower.allSatisfy({ $0.isHexDigit }) {
            for term in try database.allTerms(prefix: IndexLayout.idPrefix + lower, limit: 100) {
                docids += try database.documents(withTerm: term)
            }
        }
        if docids.isEmpty {
            docids = try database.documents(withTerm: IndexLayout.booleanTerm(IndexLayout.prefix(.id), reference))
        }
        var terms = Set<String>()
        for docid in docids.prefix(100) {
            let threads = try database.terms(ofDocument: docid, prefix: threadPrefix)
            if threads.isEmpty {
                // A message without a thread is a thread of one.
                terms.formUnion(try database.terms(ofDocument: docid, prefix: IndexLayout.idPrefix))
            } else {
                terms.formUnion(threads)
            }
        }
        var parts: [XapianQuery] = []
        for term in terms.sorted() { parts.append(try .term(term)) }
        return parts.isEmpty ? try .nothing() : try .combine(CX_OP_OR, parts)
    }
}
