/// Message-ID handling for threading: ids are compared without angle brackets and surrounding
/// space, exactly otherwise (RFC 5322 3.6.4).
enum HeaderIDs {
    /// At most this many referenced ids are kept per message (the first and the newest ones), so a
    /// hostile References header cannot make threading expensive.
    static let maximumReferences = 100
    /// Longer ids are ignored.
    static let maximumLength = 998

    /// The first id in a Message-ID header value, without brackets; nil when there is none.
    static func normalize(_ value: String?) -> String? {
        guard let value else { return nil }
        return parse([value]).first
    }

    /// Every id in the given values, in order, without brackets or duplicates. A value may hold one id
    /// or a raw header's whole list; `<...>` tokens are taken when present, else space-separated words.
    static func parse(_ values: [String]) -> [String] {
        var result: [String] = []
        var seen = Set<String>()
        for value in values {
            for token in tokens(value) where !token.isEmpty && token.utf8.count <= maximumLength {
                if seen.insert(token).inserted { result.append(token) }
            }
        }
        if result.count > maximumReferences {
            result = [result[0]] + result.suffix(maximumReferences - 1)
        }
        return result
    }

    private static func tokens(_ value: String) -> [String] {
        var bracketed: [String] = []
        var rest = Substring(value)
        while let open = rest.firstIndex(of: "<") {
            let afterOpen = rest.index(after: open)
            guard let close = rest[afterOpen...].firstIndex(of: ">") else { break }
            bracketed.append(trimmed(rest[afterOpen..<close]))
            rest = rest[rest.index(after: close)...]
        }
        if !bracketed.isEmpty { return bracketed }
        return value.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\n" || $0 == "," })
            .map { trimmed($0) }
    }

    private static func trimmed(_ text: Substring) -> String {
        String(text.drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }
}
