import MailModel

/// What the index knows of one message: filled by the engine from the decoded message and its
/// store row, then built into a Xapian document by a ``DocumentBuilder``.
public struct IndexDocument: Hashable, Sendable {
    /// The store's row id of the message; it is the Xapian docid (1 to 2^32-1).
    public var rowID: Int64
    /// The message's id (SHA-256 of its CRLF form).
    public var messageID: MessageID
    /// The decoded subject.
    public var subject: String
    /// The visible text of every text part (text attachments included, HTML as a reader sees it).
    public var bodyText: String
    /// Senders.
    public var from: [Address]
    /// To recipients.
    public var to: [Address]
    /// Cc recipients.
    public var cc: [Address]
    /// Bcc recipients.
    public var bcc: [Address]
    /// File names of the attachments.
    public var attachmentNames: [String]
    /// Content types of all parts, `type/subtype` without parameters.
    public var contentTypes: [String]
    /// Whether the message has an attachment (by default: whether it has attachment names).
    public var hasAttachment: Bool
    /// The Message-ID header, with or without angle brackets.
    public var messageIDHeader: String?
    /// The List-Id header as written (`Dev list <dev.lists.example.org>`).
    public var listID: String?
    /// The Date header in UTC; nil when missing or unreadable.
    public var date: Timestamp?
    /// The size of the message in bytes.
    public var size: Int64
    /// Where it was seen, its flags, holds, thread: what changes without the message changing.
    public var state: MessageState

    /// Describes a message for the index.
    public init(rowID: Int64, messageID: MessageID, subject: String = "", bodyText: String = "",
                from: [Address] = [], to: [Address] = [], cc: [Address] = [], bcc: [Address] = [],
                attachmentNames: [String] = [], contentTypes: [String] = [], hasAttachment: Bool? = nil,
                messageIDHeader: String? = nil, listID: String? = nil, date: Timestamp? = nil, size: Int64 = 0,
                state: MessageState = MessageState()) {
        self.rowID = rowID
        self.messageID = messageID
        self.subject = subject
        self.bodyText = bodyText
        self.from = from
        self.to = to
        self.cc = cc
        self.bcc = bcc
        self.attachmentNames = attachmentNames
        self.contentTypes = contentTypes
        self.hasAttachment = hasAttachment ?? !attachmentNames.isEmpty
        self.messageIDHeader = messageIDHeader
        self.listID = listID
        self.date = date
        self.size = size
        self.state = state
    }
}
