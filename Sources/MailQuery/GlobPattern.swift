/// A `*` / `?` pattern over a whole name (folders, accounts, attachment names, content types).
///
/// `*` matches any run of characters (also `/`), `?` exactly one; `\*`, `\?` and `\\` match the
/// character itself. A pattern without wildcards matches the name exactly.
public struct GlobPattern: Hashable, Sendable, CustomStringConvertible {
    /// The pattern as written.
    public let text: String

    /// Wraps a pattern.
    public init(_ text: String) {
        self.text = text
    }

    /// Whether the text holds an unescaped `*` or `?`.
    public static func hasWildcards(_ text: String) -> Bool {
        var escaped = false
        for character in text {
            if escaped { escaped = false; continue }
            if character == "\\" { escaped = true } else if character == "*" || character == "?" { return true }
        }
        return false
    }

    /// Whether the pattern holds a wildcard (otherwise it names one thing exactly).
    public var hasWildcards: Bool { GlobPattern.hasWildcards(text) }

    /// The name the pattern stands for when it has no wildcards (escapes removed).
    public var literal: String { String(elements.compactMap { if case .character(let c) = $0 { c } else { nil } }) }

    /// The characters before the first wildcard, escapes removed.
    public var literalPrefix: String {
        var prefix = ""
        for element in elements {
            guard case .character(let character) = element else { break }
            prefix.append(character)
        }
        return prefix
    }

    /// Whether the whole of `name` matches; with `caseInsensitive`, letters match in any case.
    public func matches(_ name: String, caseInsensitive: Bool = false) -> Bool {
        let pattern = caseInsensitive ? GlobPattern(text.lowercased()).elements : elements
        let subject = Array(caseInsensitive ? name.lowercased() : name)
        var p = 0, s = 0
        var starP = -1, starS = 0
        while s < subject.count {
            if p < pattern.count {
                switch pattern[p] {
                case .any:
                    starP = p; starS = s; p += 1; continue
                case .one:
                    p += 1; s += 1; continue
                case .character(let character) where character == subject[s]:
                    p += 1; s += 1; continue
                default:
                    break
                }
            }
            guard starP >= 0 else { return false }
            starS += 1
            s = starS
            p = starP + 1
        }
        while p < pattern.count, pattern[p] == .any { p += 1 }
        return p == pattern.count
    }

    /// The pattern as written.
    public var description: String { text }

    enum Element: Hashable {
        case character(Character)
        case any
        case one
    }

    var elements: [Element] {
        var result: [Element] = []
        var escaped = false
        for character in text {
            if escaped {
                result.append(.character(character))
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character == "*" {
                if result.last != .any { result.append(.any) }
            } else if character == "?" {
                result.append(.one)
            } else {
                result.append(.character(character))
            }
        }
        if escaped { result.append(.character("\\")) }
        return result
    }
}
