import MailModel

/// What a sync reports while it runs, for progress displays. Delivered from several tasks and
/// threads: the receiver must be thread-safe.
public enum SyncEvent: Sendable {
    /// Connecting to an account's server.
    case connecting(account: String)
    /// The account's folders were listed: how many there are, how many changed, and an estimate of
    /// the messages to fetch in each changed folder.
    case planned(account: String, folders: Int, changed: [MailboxName: Int])
    /// A folder is being synced; `toFetch` messages will be fetched.
    case folderStarted(account: String, folder: MailboxName, toFetch: Int)
    /// A fetched message was committed to the archive (new or already archived).
    case messageStored(account: String, folder: MailboxName, bytes: Int, isNew: Bool)
    /// A folder is done (its counts are final once the round ends).
    case folderFinished(account: String, folder: MailboxName, error: SyncFailure?)
    /// An account is done.
    case accountFinished(AccountSyncReport)
    /// Watch mode: a round of syncing ended (what it did); the watch goes on.
    case roundFinished(SyncReport)
    /// Watch mode: a connection was lost; the next attempt is in `retryIn`.
    case connectionLost(account: String, reason: String, retryIn: Duration)
}
