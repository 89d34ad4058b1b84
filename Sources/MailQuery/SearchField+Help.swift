// Help text and shell completion, from the field table.
extension SearchField {
    /// The query language in a few lines for `cairn search --help`: one line per field with its
    /// aliases, meaning and an example, after the rules for words and operators.
    public static var helpText: String {
        var lines = [
            "Free words and \"quoted phrases\" search the subject, body text, and sender and recipient names",
            "and addresses; case and accents do not matter and words are stemmed; word* matches a prefix.",
            "Terms are ANDed; AND, OR, NOT, a leading -, and parentheses combine them (NOT before AND",
            "before OR). field:(a b) applies a field to a group. * or nothing matches every message.",
            "",
        ]
        let labels = all.map { $0.names.map { $0 + ":" }.joined(separator: " ") }
        let width = labels.map(\.count).max() ?? 0
        for (field, label) in zip(all, labels) {
            let padding = String(repeating: " ", count: width - label.count)
            lines.append("  \(label)\(padding)  \(field.help)  (e.g. \(field.example))")
        }
        return lines.joined(separator: "\n")
    }

    /// Completions for a partly typed query word: field names (`fr` → `from:`), or a field's fixed
    /// values (`flag:s` → `flag:seen`).
    public static func completions(for word: String) -> [String] {
        let lower = word.lowercased()
        if let colon = lower.firstIndex(of: ":") {
            let name = String(lower[..<colon]), typed = String(lower[lower.index(after: colon)...])
            guard let field = named(name) else { return [] }
            return field.values.filter { $0.hasPrefix(typed) }.map { name + ":" + $0 }
        }
        return all.flatMap(\.names).filter { $0.hasPrefix(lower) }.sorted().map { $0 + ":" }
    }
}
