/// A message flag as last seen on the server: a system flag or a keyword (RFC 3501 2.3.2).
///
/// Stored and printed in lowercase without the backslash (`seen`, `flagged`, `$label1`).
public struct Flag: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The lowercase name, without a leading backslash for system flags.
    public let name: String

    /// Creates a flag from its wire form (`\Seen`) or its stored form (`seen`).
    public init(_ text: String) {
        let trimmed = text.hasPrefix("\\") ? String(text.dropFirst()) : text
        name = trimmed.lowercased()
    }

    /// `\Seen`
    public static let seen = Flag("seen")
    /// `\Answered`
    public static let answered = Flag("answered")
    /// `\Flagged`
    public static let flagged = Flag("flagged")
    /// `\Deleted`
    public static let deleted = Flag("deleted")
    /// `\Draft`
    public static let draft = Flag("draft")
    /// `\Recent` (session-only; never stored)
    public static let recent = Flag("recent")

    /// The five system flags that `flag:` accepts.
    public static let system: [Flag] = [.seen, .answered, .flagged, .deleted, .draft]

    /// Whether this is a system flag.
    public var isSystem: Bool { Flag.system.contains(self) || self == .recent }

    /// The IMAP wire form: `\Seen` for system flags, the keyword otherwise.
    public var wireForm: String {
        isSystem ? "\\" + name.prefix(1).uppercased() + name.dropFirst() : name
    }

    /// The stored form.
    public var description: String { name }

    /// Orders by name.
    public static func < (lhs: Flag, rhs: Flag) -> Bool { lhs.name < rhs.name }
}
