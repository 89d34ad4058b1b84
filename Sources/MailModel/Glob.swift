/// A shell-style pattern for folder and file names: `*` any run of characters (including `/`),
/// `?` one character, `[abc]` one of a set; matching is exact otherwise. INBOX matches in any case.
public struct Glob: Hashable, Sendable {
    private let pattern: [Character]

    /// The pattern as written.
    public let text: String

    /// Compiles a pattern.
    public init(_ text: String) {
        self.text = text
        pattern = Array(text)
    }

    /// Whether the pattern contains a wildcard.
    public var hasWildcard: Bool { pattern.contains { $0 == "*" || $0 == "?" || $0 == "[" } }

    /// Whether a name matches the whole pattern.
    public func matches(_ name: String) -> Bool {
        let subject = Array(name)
        if Glob.matches(pattern[...], subject[...]) { return true }
        // INBOX is case-insensitive (RFC 3501 5.1).
        let upper = name.uppercased()
        if upper == "INBOX" || upper.hasPrefix("INBOX/") {
            return Glob.matches(Array(text.uppercased())[...], Array(upper)[...])
        }
        return false
    }

    private static func matches(_ pattern: ArraySlice<Character>, _ subject: ArraySlice<Character>) -> Bool {
        var p = pattern.startIndex, s = subject.startIndex
        var starP: Int? = nil, starS = 0
        while s < subject.endIndex {
            if p < pattern.endIndex {
                let c = pattern[p]
                if c == "*" {
                    starP = p; starS = s; p += 1
                    continue
                }
                if c == "?" { p += 1; s += 1; continue }
                if c == "[", let (matched, next) = matchSet(pattern, at: p, subject[s]) {
                    if matched { p = next; s += 1; continue }
                } else if c == subject[s] {
                    p += 1; s += 1
                    continue
                }
            }
            guard let star = starP else { return false }
            p = star + 1; starS += 1; s = starS
        }
        while p < pattern.endIndex && pattern[p] == "*" { p += 1 }
        return p == pattern.endIndex
    }

    /// Matches `[...]` at `start`; nil when the set is not closed (then `[` is literal).
    private static func matchSet(_ pattern: ArraySlice<Character>, at start: Int, _ c: Character) -> (Bool, Int)? {
        var index = start + 1
        var negate = false
        if index < pattern.endIndex && (pattern[index] == "!" || pattern[index] == "^") { negate = true; index += 1 }
        var found = false
        var first = true
        while index < pattern.endIndex {
            let member = pattern[index]
            if member == "]" && !first { return (found != negate, index + 1) }
            first = false
            if index + 2 < pattern.endIndex && pattern[index + 1] == "-" && pattern[index + 2] != "]" {
                if member <= c && c <= pattern[index + 2] { found = true }
                index += 3
            } else {
                if member == c { found = true }
                index += 1
            }
        }
        return nil
    }
}
