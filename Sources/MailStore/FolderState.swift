import MailModel

/// The sync checkpoint of one IMAP folder of one account (RFC 3501 2.3.1.1, RFC 7162 3.1.1).
public struct FolderState: Hashable, Sendable {
    /// The account name.
    public var account: String
    /// The folder, decoded.
    public var folder: MailboxName
    /// UIDVALIDITY as last seen.
    public var uidValidity: UIDValidity?
    /// UIDNEXT as of the last completed sync step: every UID below it is archived.
    public var uidNext: UID?
    /// HIGHESTMODSEQ as of the last completed sync step (CONDSTORE / QRESYNC).
    public var highestModSeq: ModSeq?
    /// The server's hierarchy delimiter.
    public var delimiter: String?
    /// The special-use attribute, e.g. `\Sent` (RFC 6154).
    public var specialUse: String?
    /// When the folder was last synced.
    public var lastSync: Timestamp?
    /// Whether the folder still exists on the server (a deleted folder keeps its archived mail).
    public var existsOnServer: Bool

    /// Creates a state.
    public init(account: String, folder: MailboxName, uidValidity: UIDValidity? = nil, uidNext: UID? = nil,
                highestModSeq: ModSeq? = nil, delimiter: String? = nil, specialUse: String? = nil,
                lastSync: Timestamp? = nil, existsOnServer: Bool = true) {
        self.account = account
        self.folder = folder
        self.uidValidity = uidValidity
        self.uidNext = uidNext
        self.highestModSeq = highestModSeq
        self.delimiter = delimiter
        self.specialUse = specialUse
        self.lastSync = lastSync
        self.existsOnServer = existsOnServer
    }
}
