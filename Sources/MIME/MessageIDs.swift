/// Message identifiers in Message-ID, In-Reply-To, References and Content-ID (RFC 5322 3.6.4).
///
/// Identifiers are returned without their angle brackets and with any whitespace inside removed
/// (`abc@example.org`), the form threading and `id:` searches compare.
public enum MessageIDs {
    /// Every `<id>` in a field's unfolded value, in order. A value with no angle brackets at all
    /// (seen from old mailers) gives its whitespace-separated words that contain `@`.
    public static func all(in value: String) -> [String] {
        var ids: [String] = []
        var current: [UInt8] = []
        var inside = false
        var depth = 0
        var inQuote = false
        for byte in value.utf8 {
            if inside {
                if byte == UInt8(ascii: ">") {
                    if !current.isEmpty { ids.append(String(decoding: current, as: UTF8.self)) }
                    current.removeAll(keepingCapacity: true)
                    inside = false
                } else if byte == UInt8(ascii: "<") {
                    current.removeAll(keepingCapacity: true)
                } else if !ASCII.isSpaceOrBreak(byte) {
                    current.append(byte)
                }
                continue
            }
            if inQuote {
                if byte == ASCII.quote { inQuote = false }
                continue
            }
            switch byte {
            case UInt8(ascii: "("): depth += 1
            case UInt8(ascii: ")"): depth = max(0, depth - 1)
            case ASCII.quote where depth == 0: inQuote = true
            case UInt8(ascii: "<") where depth == 0: inside = true
            default: break
            }
        }
        if !ids.isEmpty { return ids }
        return value.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "," })
            .filter { $0.contains("@") }
            .map { String($0.trimmingCharacters(in: "<>\"")) }
    }

    /// The first identifier, or the trimmed value itself when it has no angle brackets and no `@`.
    public static func first(in value: String) -> String? {
        if let id = all(in: value).first { return id }
        let trimmed = value.trimmingCharacters(in: " \t<>")
        return trimmed.isEmpty || trimmed.contains(" ") ? nil : String(trimmed)
    }
}

extension StringProtocol {
    /// The string without leading and trailing characters from `set`.
    func trimmingCharacters(in set: String) -> Substring {
        var start = startIndex
        var end = endIndex
        while start < end, set.contains(self[start]) { start = index(after: start) }
        while end > start, set.contains(self[index(before: end)]) { end = index(before: end) }
        return Substring(self[start..<end])
    }
}
