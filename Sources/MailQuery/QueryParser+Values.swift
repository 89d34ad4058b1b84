import MailModel

// Interpreting a field's value (or a free word) according to the field's kind.
extension QueryParser {
    func value(_ text: String, quoted: Bool, field: SearchField?, range: Range<Int>,
               state: inout ParseState) throws(QueryError) -> QueryNode {
        guard let field else { return try freeValue(text, quoted: quoted, range: range) }
        if text.allSatisfy(\.isWhitespace) {
            throw QueryError(.missingValue, "\(field.name): needs a value, e.g. \(field.example)", at: range)
        }
        func term(_ value: QueryValue, _ asField: SearchField = field) -> QueryNode {
            .term(QueryTerm(field: asField, value: value, range: range))
        }
        switch field.kind {
        case .text:
            return term(try wordValue(text, quoted: quoted, field: field, range: range))
        case .address:
            let bare = QueryParser.strippingAngleBrackets(text)
            if !quoted, QueryParser.isCompleteAddress(bare) { return term(.address(bare.lowercased())) }
            return term(try wordValue(text, quoted: quoted, field: field, range: range))
        case .filename:
            if GlobPattern.hasWildcards(text) { return term(.glob(GlobPattern(text))) }
            return term(try wordValue(text, quoted: quoted, field: field, range: range))
        case .mimeType:
            let lower = text.lowercased()
            return term(.glob(GlobPattern(lower.contains("/") ? lower : lower + "/*")))
        case .folder, .account:
            return term(.glob(GlobPattern(text)))
        case .has, .state:
            return term(.exact(try fixedValue(text, field: field, range: range)))
        case .messageID, .thread:
            let bare = QueryParser.strippingAngleBrackets(text.trimmingWhitespace)
            guard !bare.isEmpty else {
                throw QueryError(.missingValue, "\(field.name): needs a value, e.g. \(field.example)", at: range)
            }
            return term(.exact(bare))
        case .hold:
            return term(.exact(text))
        case .list:
            let bare = QueryParser.strippingAngleBrackets(text)
            return term(try wordValue(bare, quoted: quoted, field: field, range: range))
        case .flag:
            return term(.flag(try flagValue(text, range: range)))
        case .date, .before, .after:
            let today = CivilDay(containing: now)
            let dates = try DateParser(today: today).range(text, kind: field.kind, field: field.name, at: range)
            return term(.dates(dates), .date)
        case .size:
            return term(.sizes(try SizeParser.range(text, at: range)))
        case .savedQuery:
            return try savedQuery(text, range: range, state: &state)
        }
    }

    private func freeValue(_ text: String, quoted: Bool, range: Range<Int>) throws(QueryError) -> QueryNode {
        if !quoted, text == "*" { return .all }
        return .term(QueryTerm(field: nil, value: try wordValue(text, quoted: quoted, field: nil, range: range),
                               range: range))
    }

    /// Words, a phrase, or `word*`.
    private func wordValue(_ text: String, quoted: Bool, field: SearchField?,
                           range: Range<Int>) throws(QueryError) -> QueryValue {
        let label = field.map { "\($0.name): " } ?? ""
        if quoted {
            guard QueryParser.isSearchable(text) else {
                throw QueryError(.badWord, "\(label)\"\(text)\" has no letters or digits to search for", at: range)
            }
            return .phrase(text)
        }
        if let star = text.firstIndex(of: "*") {
            let stem = String(text[..<star])
            guard text.index(after: star) == text.endIndex, QueryParser.isSearchable(stem) else {
                throw QueryError(.badWord,
                                 "\(label)a * can only end a word (as in budg*), after at least one letter or digit",
                                 at: range)
            }
            return .prefix(stem)
        }
        guard QueryParser.isSearchable(text) else {
            throw QueryError(.badWord, "\(label)\"\(text)\" has no letters or digits to search for", at: range)
        }
        return .words(text)
    }

    private func fixedValue(_ text: String, field: SearchField, range: Range<Int>) throws(QueryError) -> String {
        let lower = text.lowercased()
        guard field.values.contains(lower) else {
            throw QueryError(.badValue, QueryParser.valueMessage(text, field: field), at: range)
        }
        return lower
    }

    private func flagValue(_ text: String, range: Range<Int>) throws(QueryError) -> Flag {
        let flag = Flag(text)
        if flag.isSystem, flag != .recent { return flag }
        if flag.name.isEmpty || flag.name == "recent" || Suggestion.closest(to: flag.name, among: SearchField.flag.values) != nil {
            throw QueryError(.badValue, QueryParser.valueMessage(text, field: .flag) + " or an IMAP keyword", at: range)
        }
        // A keyword is an IMAP atom (RFC 3501 9, flag-keyword): printable ASCII without atom-specials.
        guard flag.name.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value < 0x7F && !"(){%*\"\\]".unicodeScalars.contains($0) })
        else {
            throw QueryError(.badValue, "flag: \"\(text)\" cannot be an IMAP keyword (printable ASCII without "
                             + "( ) { } % * \" \\ ])", at: range)
        }
        return flag
    }

    private func savedQuery(_ name: String, range: Range<Int>, state: inout ParseState) throws(QueryError) -> QueryNode {
        guard !state.savedNames.contains(name) else {
            let chain = (state.savedNames + [name]).joined(separator: " -> ")
            throw QueryError(.badSavedQuery, "saved searches refer to each other in a loop: \(chain)", at: range)
        }
        guard state.savedNames.count < options.maxSavedQueryDepth else {
            throw QueryError(.tooComplex,
                             "saved searches use each other too deeply (at most \(options.maxSavedQueryDepth))",
                             at: range)
        }
        guard let text = state.savedQuery(name) else {
            throw QueryError(.badSavedQuery,
                             "no saved search is named \"\(name)\" (save one with cairn search --save NAME QUERY)",
                             at: range)
        }
        state.savedNames.append(name)
        defer { state.savedNames.removeLast() }
        do {
            return .saved(name: name, try parse(text, state: &state))
        } catch {
            if error.code == .badSavedQuery || error.code == .tooComplex, error.message.hasPrefix("saved") {
                throw QueryError(error.code, error.message, at: range)
            }
            throw QueryError(error.code, "in saved search \"\(name)\": \(error.message)", at: range)
        }
    }

    static func valueMessage(_ text: String, field: SearchField) -> String {
        let suggestion = Suggestion.closest(to: text, among: field.values).map { " (did you mean \(field.name):\($0)?)" }
        let choices = field.values.map { "\(field.name):\($0)" }.joined(separator: ", ")
        return "\(field.name): does not know \"\(text)\"\(suggestion ?? ""); it takes \(choices)"
    }

    /// Whether the text has a letter or digit: otherwise the index has nothing to look for.
    static func isSearchable(_ text: String) -> Bool {
        text.contains { $0.isLetter || $0.isNumber }
    }

    /// `local@domain`, nothing else: one `@`, both sides present, no spaces.
    static func isCompleteAddress(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        return parts.count == 2 && !parts[0].isEmpty && !parts[1].isEmpty
            && !text.contains(where: { $0.isWhitespace || "*<>()\"".contains($0) })
    }

    /// The text without one pair of enclosing `<` `>` (compared as scalars, as the canonical text adds them).
    static func strippingAngleBrackets(_ text: String) -> String {
        let scalars = text.unicodeScalars
        guard scalars.count >= 2, scalars.first == "<", scalars.last == ">" else { return text }
        return String(String.UnicodeScalarView(scalars.dropFirst().dropLast()))
    }
}

extension String {
    /// The text without leading and trailing whitespace.
    var trimmingWhitespace: String {
        guard let first = firstIndex(where: { !$0.isWhitespace }),
              let last = lastIndex(where: { !$0.isWhitespace }) else { return "" }
        return String(self[first...last])
    }
}

extension StringProtocol {
    /// The parts before and after the first `..`, if there is one.
    func splitAtDots() -> (SubSequence, SubSequence)? {
        var index = startIndex
        while index < endIndex {
            let next = self.index(after: index)
            if self[index] == ".", next < endIndex, self[next] == "." {
                return (self[startIndex..<index], self[self.index(after: next)...])
            }
            index = next
        }
        return nil
    }
}
