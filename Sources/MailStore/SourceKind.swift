/// Where a sighting of a message came from.
public struct SourceKind: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    /// The stored name: `imap`, `maildir`, `mbox` or `eml`.
    public let rawValue: String

    /// Wraps a stored name; nil for an unknown one.
    public init?(rawValue: String) {
        guard ["imap", "maildir", "mbox", "eml"].contains(rawValue) else { return nil }
        self.rawValue = rawValue
    }

    private init(known: String) { rawValue = known }

    /// Fetched from an IMAP server (RFC 3501).
    public static let imap = SourceKind(known: "imap")
    /// Imported from a Maildir (or Maildir++ folder).
    public static let maildir = SourceKind(known: "maildir")
    /// Imported from an mbox file.
    public static let mbox = SourceKind(known: "mbox")
    /// Imported from a single message file (or standard input).
    public static let eml = SourceKind(known: "eml")

    /// The stored name.
    public var description: String { rawValue }
}
