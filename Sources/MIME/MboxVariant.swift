import MailModel

/// The flavours of the mbox format (RFC 4155 and the variants it describes), which differ in how
/// body lines that begin with `From ` are protected.
public enum MboxVariant: String, Hashable, Sendable, CaseIterable {
    /// `From ` lines gain one `>`; lines that already begin with `>From ` are left alone (ambiguous).
    case mboxo
    /// Every line matching `>*From ` gains one `>` (reversible).
    case mboxrd
    /// No escaping: messages are delimited by their Content-Length header.
    case mboxcl2
}

/// The envelope line that starts each message of an mbox: `From sender date`.
public struct MboxEnvelope: Hashable, Sendable {
    /// The envelope sender (often the return path), as written.
    public var sender: String
    /// The delivery date, in UTC, when readable.
    public var date: Timestamp?
    /// The line's text after `From `, without the line break.
    public var line: String

    /// Creates an envelope.
    public init(sender: String, date: Timestamp?, line: String) {
        self.sender = sender
        self.date = date
        self.line = line
    }
}
