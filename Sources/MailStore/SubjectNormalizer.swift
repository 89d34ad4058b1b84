/// Reduces a subject to the base subject threading compares: without reply and forward prefixes
/// (`Re:`, `Fwd:`, `AW:`, `SV:`, `Re[2]:`, ...) and list tags (`[list]`), spaces collapsed, lowercase.
enum SubjectNormalizer {
    /// Prefixes that mark a reply (several languages), compared in lowercase.
    static let replyPrefixes: Set<String> = ["re", "aw", "sv", "antw", "vs", "rif", "odp", "ynt", "res", "vá", "回复", "答复"]
    /// Prefixes that mark a forward.
    static let forwardPrefixes: Set<String> = ["fw", "fwd", "wg", "tr", "rv", "enc", "doorst", "i", "转发"]

    /// The base subject, and whether a reply prefix was removed.
    static func normalize(_ subject: String?) -> (base: String, isReply: Bool) {
        guard let subject else { return ("", false) }
        var rest = Substring(subject)
        var isReply = false
        while true {
            rest = rest.drop(while: \.isWhitespace)
            if rest.hasPrefix("["), let close = rest.firstIndex(of: "]") {
                rest = rest[rest.index(after: close)...]
                continue
            }
            guard let (word, after) = prefixWord(rest) else { break }
            if replyPrefixes.contains(word) {
                isReply = true
            } else if !forwardPrefixes.contains(word) {
                break
            }
            rest = after
        }
        let words = rest.split(whereSeparator: \.isWhitespace)
        return (words.joined(separator: " ").lowercased(), isReply)
    }

    /// `word:` or `word[n]:` or `word(n):` at the start (ASCII or full-width colon), lowercased.
    private static func prefixWord(_ text: Substring) -> (String, Substring)? {
        var index = text.startIndex
        while index < text.endIndex, text[index].isLetter { index = text.index(after: index) }
        guard index > text.startIndex, text.distance(from: text.startIndex, to: index) <= 6 else { return nil }
        let word = text[text.startIndex..<index].lowercased()
        if index < text.endIndex, text[index] == "[" || text[index] == "(" {
            let close: Character = text[index] == "[" ? "]" : ")"
            var cursor = text.index(after: index)
            while cursor < text.endIndex, text[cursor].isNumber { cursor = text.index(after: cursor) }
            guard cursor < text.endIndex, text[cursor] == close else { return nil }
            index = text.index(after: cursor)
        }
        guard index < text.endIndex, text[index] == ":" || text[index] == "：" else { return nil }
        return (word, text[text.index(after: index)...])
    }
}
