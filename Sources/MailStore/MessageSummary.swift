import MailModel

/// What result lists show of a message, fetched for many messages at once
/// (`StoreReader.summaries(of:)`).
public struct MessageSummary: Hashable, Sendable {
    /// The row key.
    public var key: MessageKey
    /// The SHA-256 id.
    public var id: MessageID
    /// SHA-256 of the bytes as received.
    public var rawSHA256: SHA256Digest
    /// The Message-ID header, without brackets.
    public var messageID: String?
    /// The thread.
    public var thread: ThreadID
    /// The Date header, UTC.
    public var date: Timestamp?
    /// When the message was archived.
    public var archivedAt: Timestamp
    /// From addresses.
    public var from: [Address]
    /// To addresses.
    public var to: [Address]
    /// Cc addresses.
    public var cc: [Address]
    /// Bcc addresses.
    public var bcc: [Address]
    /// The subject.
    public var subject: String?
    /// Size of the bytes as received.
    public var size: Int
    /// The List-Id.
    public var listID: String?
    /// Every folder the message was seen in, sorted.
    public var folders: [MessageLocation]
    /// Flags as last seen: the union over the places the message still is (over all places when it
    /// is gone from every one).
    public var flags: Set<Flag>
    /// True when the message was seen and is gone from every place (`is:expunged`).
    public var isExpunged: Bool
    /// Attachments.
    public var attachments: [AttachmentInfo]
    /// Names of the active holds that cover it.
    public var holds: [String]

    /// Creates a summary.
    public init(key: MessageKey, id: MessageID, rawSHA256: SHA256Digest, messageID: String?, thread: ThreadID,
                date: Timestamp?, archivedAt: Timestamp, from: [Address], to: [Address], cc: [Address], bcc: [Address],
                subject: String?, size: Int, listID: String?, folders: [MessageLocation], flags: Set<Flag>,
                isExpunged: Bool, attachments: [AttachmentInfo], holds: [String]) {
        self.key = key
        self.id = id
        self.rawSHA256 = rawSHA256
        self.messageID = messageID
        self.thread = thread
        self.date = date
        self.archivedAt = archivedAt
        self.from = from
        self.to = to
        self.cc = cc
        self.bcc = bcc
        self.subject = subject
        self.size = size
        self.listID = listID
        self.folders = folders
        self.flags = flags
        self.isExpunged = isExpunged
        self.attachments = attachments
        self.holds = holds
    }
}
