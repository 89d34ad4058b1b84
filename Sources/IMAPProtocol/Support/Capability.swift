/// A server capability (`IMAP4rev1`, `CONDSTORE`, `AUTH=PLAIN`...), compared case-insensitively.
///
/// - SeeAlso: RFC 3501 7.2.1, RFC 9051 7.2.2.
public struct Capability: Hashable, Sendable, CustomStringConvertible {
    /// The name in upper case, as the server spells it otherwise.
    public let name: String

    /// Wraps a capability name (upper-cased).
    public init(_ name: String) { self.name = name.uppercased() }

    /// `AUTH=<mechanism>`.
    public static func auth(_ mechanism: String) -> Capability { Capability("AUTH=" + mechanism) }

    /// The SASL mechanism when this is an `AUTH=` capability.
    public var authMechanism: String? {
        name.hasPrefix("AUTH=") ? String(name.dropFirst(5)) : nil
    }

    /// IMAP4rev1 (RFC 3501).
    public static let imap4rev1 = Capability("IMAP4rev1")
    /// IMAP4rev2 (RFC 9051).
    public static let imap4rev2 = Capability("IMAP4rev2")
    /// STARTTLS (RFC 3501 6.2.1).
    public static let startTLS = Capability("STARTTLS")
    /// LOGINDISABLED: LOGIN must not be used (RFC 3501 6.2.3).
    public static let loginDisabled = Capability("LOGINDISABLED")
    /// SASL-IR: an initial response may follow AUTHENTICATE (RFC 4959).
    public static let saslIR = Capability("SASL-IR")
    /// LITERAL+ (RFC 7888).
    public static let literalPlus = Capability("LITERAL+")
    /// LITERAL- (RFC 7888).
    public static let literalMinus = Capability("LITERAL-")
    /// CONDSTORE (RFC 7162).
    public static let condStore = Capability("CONDSTORE")
    /// QRESYNC (RFC 7162).
    public static let qresync = Capability("QRESYNC")
    /// IDLE (RFC 2177).
    public static let idle = Capability("IDLE")
    /// COMPRESS=DEFLATE (RFC 4978).
    public static let compressDeflate = Capability("COMPRESS=DEFLATE")
    /// UTF8=ACCEPT (RFC 6855).
    public static let utf8Accept = Capability("UTF8=ACCEPT")
    /// ENABLE (RFC 5161).
    public static let enable = Capability("ENABLE")
    /// ESEARCH (RFC 4731).
    public static let esearch = Capability("ESEARCH")
    /// UIDPLUS (RFC 4315).
    public static let uidPlus = Capability("UIDPLUS")
    /// ID (RFC 2971).
    public static let id = Capability("ID")
    /// NAMESPACE (RFC 2342).
    public static let namespace = Capability("NAMESPACE")
    /// SPECIAL-USE (RFC 6154).
    public static let specialUse = Capability("SPECIAL-USE")
    /// LIST-EXTENDED (RFC 5258).
    public static let listExtended = Capability("LIST-EXTENDED")
    /// LIST-STATUS (RFC 5819).
    public static let listStatus = Capability("LIST-STATUS")
    /// MOVE (RFC 6851).
    public static let move = Capability("MOVE")
    /// BINARY (RFC 3516).
    public static let binary = Capability("BINARY")
    /// UNSELECT (RFC 3691).
    public static let unselect = Capability("UNSELECT")
    /// Gmail's extensions (X-GM-MSGID, X-GM-THRID, X-GM-LABELS).
    public static let gmailExtensions = Capability("X-GM-EXT-1")

    /// The name.
    public var description: String { name }
}
