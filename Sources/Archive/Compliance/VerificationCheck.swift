/// One of the checks `cairn verify` runs.
public struct VerificationCheck: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    /// Its short name (as in the JSON output).
    public let rawValue: String

    /// Wraps a name.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// The audit chain: every entry's hash recomputed, every link checked.
    public static let audit = VerificationCheck(rawValue: "audit")
    /// The chain still extends an anchor recorded earlier (`--against`).
    public static let anchor = VerificationCheck(rawValue: "anchor")
    /// Counts agree: messages archived minus messages purged (by the audit trail) is the number of
    /// messages in the store; the index has a document per message.
    public static let counts = VerificationCheck(rawValue: "counts")
    /// Every stored message re-hashed against its recorded SHA-256 and its id.
    public static let messages = VerificationCheck(rawValue: "messages")
    /// Every message has its `message.archived` entry, and every such entry's message is in the
    /// store unless a purge removed it.
    public static let coverage = VerificationCheck(rawValue: "coverage")
    /// The index holds exactly one document per message, under its own id, and nothing else.
    public static let index = VerificationCheck(rawValue: "index")
    /// SQLite's own consistency checks of the database file.
    public static let database = VerificationCheck(rawValue: "database")

    /// The short name.
    public var description: String { rawValue }
}
