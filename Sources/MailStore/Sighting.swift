import MailModel

/// One place a message was seen: what the engine reports when it archives or re-sees a message.
///
/// A sighting is identified by (account, folder, UIDVALIDITY, UID) when it has a UID (IMAP), and by
/// (account, folder, message) otherwise (imports), so seeing the same thing again updates it.
public struct Sighting: Hashable, Sendable {
    /// IMAP, Maildir, mbox or EML.
    public var source: SourceKind
    /// The account name (for imports, the `--account` given, else a name the engine chooses).
    public var account: String
    /// The folder, decoded.
    public var folder: MailboxName
    /// The folder's UIDVALIDITY; nil for imports. Set together with `uid`.
    public var uidValidity: UIDValidity?
    /// The message's UID; nil for imports.
    public var uid: UID?
    /// The flags as seen (`\Recent` is never stored).
    public var flags: Set<Flag>
    /// The server's INTERNALDATE (or a Maildir file's delivery time).
    public var internalDate: Timestamp?
    /// The message's MODSEQ (RFC 7162), when the server has CONDSTORE.
    public var modSeq: ModSeq?

    /// Creates a sighting.
    public init(source: SourceKind, account: String, folder: MailboxName, uidValidity: UIDValidity? = nil,
                uid: UID? = nil, flags: Set<Flag> = [], internalDate: Timestamp? = nil, modSeq: ModSeq? = nil) {
        self.source = source
        self.account = account
        self.folder = folder
        self.uidValidity = uidValidity
        self.uid = uid
        self.flags = flags
        self.internalDate = internalDate
        self.modSeq = modSeq
    }
}
