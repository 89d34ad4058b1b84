import MailModel

/// Everything Cairn reads out of one message: header fields, addresses, identifiers, date, every
/// part with a digest of its content, the text to search, and the defects met on the way.
///
/// Message identifiers (Message-ID, In-Reply-To, References) are kept without angle brackets
/// (`abc@example.org`), as threading and `id:` searches compare them.
public struct DecodedMessage: Sendable {
    /// Every header field of the message, in order, values decoded.
    public var headers: [HeaderField]
    /// The Subject, decoded.
    public var subject: String?
    /// The Date, in UTC; nil when missing or unreadable.
    public var date: Timestamp?
    /// The Message-ID without angle brackets.
    public var messageID: String?
    /// The ids of In-Reply-To.
    public var inReplyTo: [String]
    /// The ids of References.
    public var references: [String]
    /// The List-Id's identifier (inside the angle brackets), else its value.
    public var listID: String?
    /// From.
    public var from: [Address]
    /// Sender.
    public var sender: [Address]
    /// Reply-To.
    public var replyTo: [Address]
    /// To.
    public var to: [Address]
    /// Cc.
    public var cc: [Address]
    /// Bcc.
    public var bcc: [Address]
    /// Every numbered entity in document order (multipart containers included, the message's own
    /// multipart body excluded since IMAP gives it no number), plus uuencoded blocks.
    public var parts: [DecodedPart]
    /// The text of every text part (HTML as visible text), attachments included, joined by blank
    /// lines and bounded by `maxIndexedTextBytes`.
    public var searchableText: String
    /// Defects repaired or ignored, each naming its part.
    public var warnings: [MIMEWarning]
    /// Bytes of the message as received.
    public var size: Int

    /// The parts a reader would call attachments.
    public var attachments: [DecodedPart] { parts.filter(\.isAttachment) }

    /// The first decoded value of a header field (any case of its name).
    public func header(_ name: String) -> String? {
        let lowered = name.lowercased()
        return headers.first { $0.name.lowercased() == lowered }?.value
    }
}
