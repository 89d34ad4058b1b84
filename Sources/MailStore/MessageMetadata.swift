import MailModel

/// What the store keeps of a message's decoded headers and structure, for search, display and
/// threading. The engine fills it from the MIME decoder; a message that cannot be decoded is stored
/// with an empty one and a warning.
public struct MessageMetadata: Hashable, Sendable {
    /// The Date header, UTC; nil when missing or unreadable.
    public var date: Timestamp?
    /// The decoded Subject.
    public var subject: String?
    /// From addresses.
    public var from: [Address]
    /// Sender addresses.
    public var sender: [Address]
    /// Reply-To addresses.
    public var replyTo: [Address]
    /// To addresses.
    public var to: [Address]
    /// Cc addresses.
    public var cc: [Address]
    /// Bcc addresses.
    public var bcc: [Address]
    /// The Message-ID, with or without angle brackets (RFC 5322 3.6.4).
    public var messageID: String?
    /// The In-Reply-To ids (each with or without angle brackets; a raw header value is split).
    public var inReplyTo: [String]
    /// The References ids, oldest first (a raw header value is split).
    public var references: [String]
    /// The List-Id (RFC 2919).
    public var listID: String?
    /// Attachments and other non-body parts.
    public var attachments: [AttachmentInfo]
    /// Defects the decoder repaired or ignored.
    public var warnings: [String]

    /// Creates metadata; everything defaults to empty.
    public init(date: Timestamp? = nil, subject: String? = nil, from: [Address] = [], sender: [Address] = [],
                replyTo: [Address] = [], to: [Address] = [], cc: [Address] = [], bcc: [Address] = [],
                messageID: String? = nil, inReplyTo: [String] = [], references: [String] = [],
                listID: String? = nil, attachments: [AttachmentInfo] = [], warnings: [String] = []) {
        self.date = date
        self.subject = subject
        self.from = from
        self.sender = sender
        self.replyTo = replyTo
        self.to = to
        self.cc = cc
        self.bcc = bcc
        self.messageID = messageID
        self.inReplyTo = inReplyTo
        self.references = references
        self.listID = listID
        self.attachments = attachments
        self.warnings = warnings
    }
}
