import MailModel

/// What a sync did to one folder of one account.
public struct FolderSyncReport: Hashable, Sendable {
    /// The folder.
    public var folder: MailboxName
    /// Its special use (`\Sent`...), if the server names one.
    public var specialUse: String?
    /// Nothing moved on the server since the last sync (STATUS), so the folder was not opened.
    public var unchanged = false
    /// Messages archived now.
    public var new = 0
    /// Messages fetched that were archived already (seen in another folder or account).
    public var existing = 0
    /// Messages whose fetch or storage failed (tried again next time).
    public var failed = 0
    /// Bytes fetched.
    public var bytes: Int64 = 0
    /// Messages whose flags changed on the server.
    public var flagChanges = 0
    /// Messages seen gone from the server (they stay archived, marked).
    public var expunged = 0
    /// Whether the folder's UIDVALIDITY changed since the last sync.
    public var uidValidityChanged = false
    /// After a UIDVALIDITY change: messages re-found by content, without fetching them again.
    public var reassociated = 0
    /// The folder no longer exists on the server (its archived mail stays).
    public var gone = false
    /// Why the folder could not be synced (completely).
    public var error: SyncFailure?

    /// An empty report for a folder.
    public init(folder: MailboxName, specialUse: String? = nil) {
        self.folder = folder
        self.specialUse = specialUse
    }

    /// Whether anything happened worth a line in a summary.
    public var hasNews: Bool {
        new + existing + failed + flagChanges + expunged + reassociated > 0 || uidValidityChanged || gone || error != nil
    }

    /// Adds the counts of a later report of the same folder (watch mode, retries).
    mutating func absorb(_ other: FolderSyncReport) {
        specialUse = other.specialUse ?? specialUse
        unchanged = unchanged && other.unchanged
        new += other.new
        existing += other.existing
        failed += other.failed
        bytes += other.bytes
        flagChanges += other.flagChanges
        expunged += other.expunged
        uidValidityChanged = uidValidityChanged || other.uidValidityChanged
        reassociated += other.reassociated
        gone = other.gone
        error = other.error
    }
}
