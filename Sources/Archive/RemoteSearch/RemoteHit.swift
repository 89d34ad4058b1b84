import MailModel
import MailStore

/// One message a server's UID SEARCH found: where it is on the server, what its ENVELOPE, FLAGS,
/// RFC822.SIZE and INTERNALDATE say, and the archived message at the same place, if any.
public struct RemoteHit: Hashable, Sendable {
    /// The account.
    public var account: String
    /// The folder, decoded.
    public var folder: MailboxName
    /// The folder's UIDVALIDITY.
    public var uidValidity: UIDValidity
    /// The message's UID.
    public var uid: UID
    /// The archived message seen at this account, folder, UIDVALIDITY and UID; nil when not archived.
    public var archived: MessageRef?
    /// The Message-ID header, without angle brackets.
    public var messageID: String?
    /// The Date header, UTC; nil when missing or unreadable.
    public var date: Timestamp?
    /// The server's INTERNALDATE.
    public var internalDate: Timestamp?
    /// From addresses, names decoded.
    public var from: [Address]
    /// To addresses.
    public var to: [Address]
    /// Cc addresses.
    public var cc: [Address]
    /// The subject, decoded.
    public var subject: String?
    /// RFC822.SIZE.
    public var size: Int?
    /// The flags (`\Recent` left out).
    public var flags: [Flag]

    /// Creates a hit.
    public init(account: String, folder: MailboxName, uidValidity: UIDValidity, uid: UID, archived: MessageRef? = nil,
                messageID: String? = nil, date: Timestamp? = nil, internalDate: Timestamp? = nil, from: [Address] = [],
                to: [Address] = [], cc: [Address] = [], subject: String? = nil, size: Int? = nil, flags: [Flag] = []) {
        self.account = account
        self.folder = folder
        self.uidValidity = uidValidity
        self.uid = uid
        self.archived = archived
        self.messageID = messageID
        self.date = date
        self.internalDate = internalDate
        self.from = from
        self.to = to
        self.cc = cc
        self.subject = subject
        self.size = size
        self.flags = flags
    }

    /// "account/folder", as result lists print places.
    public var location: String { account + "/" + folder.path }
}
