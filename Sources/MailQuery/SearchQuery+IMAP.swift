// Translation of a parsed query into IMAP SEARCH keys (RFC 3501 6.4.4) for `--where remote`.
extension SearchQuery {
    /// The query as UID SEARCH keys plus the folders and accounts to search, or an error naming
    /// every part that IMAP SEARCH cannot express.
    ///
    /// Free words become `TEXT`, `from:` `FROM`, dates `SENTSINCE`/`SENTBEFORE`/`SENTON`, sizes
    /// `LARGER`/`SMALLER`, flags `SEEN`/`UNSEEN`/..., `id:` `HEADER Message-ID`. `folder:` and
    /// `account:` choose where to search, so they may only narrow the whole query (joined by AND,
    /// or alone under NOT). Note that IMAP matches substrings where the index matches words, and
    /// the server reads Date headers in their own time zone where the index uses UTC days.
    public func imapSearch() throws(IMAPTranslationError) -> IMAPSearchPlan {
        var translator = IMAPTranslator()
        var plan = IMAPSearchPlan(key: .all)
        var keys: [IMAPSearchKey] = []
        for node in IMAPTranslator.conjuncts(root) {
            if translator.place(node, into: &plan) { continue }
            if let key = translator.key(node) { keys.append(key) }
        }
        guard translator.refused.isEmpty else { throw IMAPTranslationError(parts: translator.refused) }
        plan.key = keys.isEmpty ? .all : keys.count == 1 ? keys[0] : .and(keys)
        return plan
    }
}

/// Walks a tree, collecting keys and the parts that cannot be sent.
struct IMAPTranslator {
    var refused: [IMAPTranslationError.Part] = []

    /// The top-level AND children, looking through saved searches.
    static func conjuncts(_ node: QueryNode) -> [QueryNode] {
        switch node {
        case .and(let children): return children.flatMap(conjuncts)
        case .saved(_, let child): return conjuncts(child)
        default: return [node]
        }
    }

    /// Records a top-level folder or account condition; false when the node is something else.
    func place(_ node: QueryNode, into plan: inout IMAPSearchPlan) -> Bool {
        var negated = false
        var node = node
        if case .not(let child) = node { negated = true; node = child }
        let alternatives: [QueryNode]
        if case .or(let children) = node { alternatives = children } else { alternatives = [node] }
        var kind: SearchField.Kind?
        var patterns: [GlobPattern] = []
        for alternative in alternatives {
            guard case .term(let term) = alternative, let field = term.field, field.kind == .folder || field.kind == .account,
                  case .glob(let pattern) = term.value, kind == nil || kind == field.kind else { return false }
            kind = field.kind
            patterns.append(pattern)
        }
        switch (kind, negated) {
        case (.folder?, false): plan.folderGroups.append(patterns)
        case (.folder?, true): plan.excludedFolders += patterns
        case (.account?, false): plan.accountGroups.append(patterns)
        case (.account?, true): plan.excludedAccounts += patterns
        default: return false
        }
        return true
    }

    /// The key of a node; nil (and a refusal recorded) when it cannot be sent.
    mutating func key(_ node: QueryNode) -> IMAPSearchKey? {
        switch node {
        case .all:
            return .all
        case .saved(_, let child):
            return key(child)
        case .not(let child):
            if case .term(let term) = child, case .flag(let flag) = term.value {
                return flag.isSystem ? .flag("UN" + flag.name.uppercased()) : .string(key: "UNKEYWORD", value: flag.name)
            }
            return key(child).map { .not($0) }
        case .and(let children):
            let keys = children.map { key($0) }
            return keys.contains(nil) ? nil : .and(keys.compactMap { $0 })
        case .or(let children):
            let keys = children.map { key($0) }
            guard !keys.contains(nil) else { return nil }
            return keys.compactMap { $0 }.reversed().reduce(nil as IMAPSearchKey?) { right, left in
                right.map { .or(left, $0) } ?? left
            }
        case .term(let term):
            return key(term)
        }
    }

    private mutating func key(_ term: QueryTerm) -> IMAPSearchKey? {
        guard let field = term.field else { return text(term, key: "TEXT") }
        switch field.kind {
        case .text, .address:
            if field == .recip {
                guard let to = text(term, key: "TO") else { return nil }
                return .or(to, .or(text(term, key: "CC")!, text(term, key: "BCC")!))
            }
            return text(term, key: field.imapKey ?? "TEXT")
        case .list:
            guard let value = plain(term) else { return nil }
            return .header(name: "List-Id", value: value)
        case .messageID:
            guard case .exact(let value) = term.value else { return nil }
            return .header(name: "Message-ID", value: "<" + value + ">")
        case .date, .before, .after:
            guard case .dates(let range) = term.value else { return nil }
            return IMAPTranslator.dateKey(range)
        case .size:
            guard case .sizes(let range) = term.value else { return nil }
            var keys: [IMAPSearchKey] = []
            if let lower = range.lower, lower > 0 { keys.append(.number(key: "LARGER", value: lower - 1)) }
            if let upper = range.upper { keys.append(.number(key: "SMALLER", value: upper + 1)) }
            return keys.isEmpty ? .all : keys.count == 1 ? keys[0] : .and(keys)
        case .flag:
            guard case .flag(let flag) = term.value else { return nil }
            return flag.isSystem ? .flag(flag.name.uppercased()) : .string(key: "KEYWORD", value: flag.name)
        case .thread: return refuse(term, "threads are known only to the archive")
        case .filename: return refuse(term, "IMAP SEARCH cannot see attachment names")
        case .mimeType: return refuse(term, "IMAP SEARCH cannot see the content types of parts")
        case .has: return refuse(term, "IMAP SEARCH cannot tell whether a message has attachments")
        case .hold: return refuse(term, "legal holds exist only in the archive")
        case .state: return refuse(term, "the server no longer has expunged messages")
        case .folder, .account:
            return refuse(term, "\(field.name): can only narrow the whole query (joined with AND), not sit inside OR or NOT")
        case .savedQuery: return refuse(term, "saved searches are expanded before translation")
        }
    }

    private static func dateKey(_ range: DateRange) -> IMAPSearchKey {
        if let first = range.first, let last = range.last, first == last { return .date(key: "SENTON", day: first) }
        var keys: [IMAPSearchKey] = []
        if let first = range.first { keys.append(.date(key: "SENTSINCE", day: first)) }
        if let last = range.last { keys.append(.date(key: "SENTBEFORE", day: last.adding(days: 1))) }
        return keys.isEmpty ? .all : keys.count == 1 ? keys[0] : .and(keys)
    }

    /// A string key for words, a phrase or an address; a refusal for `word*`.
    private mutating func text(_ term: QueryTerm, key: String) -> IMAPSearchKey? {
        plain(term).map { .string(key: key, value: $0) }
    }

    private mutating func plain(_ term: QueryTerm) -> String? {
        switch term.value {
        case .words(let text), .phrase(let text), .address(let text): return text
        case .prefix:
            return refuse(term, "IMAP SEARCH matches substrings, not word prefixes; without the * it sends a substring search")
        default:
            return refuse(term, "IMAP SEARCH has no equivalent")
        }
    }

    private mutating func refuse<T>(_ term: QueryTerm, _ reason: String) -> T? {
        refused.append(IMAPTranslationError.Part(text: term.canonicalText, range: term.range, reason: reason))
        return nil
    }
}
