import MailModel

/// Counts and sizes of the archive (`cairn stats`).
public struct ArchiveStats: Hashable, Sendable {
    /// Messages and bytes of one account or one folder.
    public struct Group: Hashable, Sendable {
        /// The account name.
        public var account: String
        /// The folder, or nil for a whole account.
        public var folder: MailboxName?
        /// Distinct messages seen there.
        public var messages: Int
        /// Their bytes as received.
        public var bytes: Int64
        /// Of those, messages seen gone from the server there.
        public var expunged: Int

        /// Creates a group.
        public init(account: String, folder: MailboxName?, messages: Int, bytes: Int64, expunged: Int) {
            self.account = account
            self.folder = folder
            self.messages = messages
            self.bytes = bytes
            self.expunged = expunged
        }
    }

    /// Distinct messages.
    public var messages: Int = 0
    /// Their bytes as received.
    public var bytes: Int64 = 0
    /// Their bytes as stored (compressed chunks).
    public var storedBytes: Int64 = 0
    /// Sightings (places messages were seen).
    public var sightings: Int = 0
    /// Messages gone from every place they were seen (`is:expunged`).
    public var expungedMessages: Int = 0
    /// Threads with at least one message.
    public var threads: Int = 0
    /// Oldest and newest Date header.
    public var oldestDate: Timestamp?
    /// Newest Date header.
    public var newestDate: Timestamp?
    /// When the first message was archived.
    public var firstArchived: Timestamp?
    /// When the last message was archived.
    public var lastArchived: Timestamp?
    /// Audit entries.
    public var auditEntries: Int64 = 0
    /// Active legal holds.
    public var activeHolds: Int = 0
    /// Messages under at least one active hold.
    public var heldMessages: Int = 0
    /// Messages whose index document is missing or stale.
    public var pendingIndex: Int = 0
    /// Per account, by name.
    public var accounts: [Group] = []
    /// Per folder, by account and name.
    public var folders: [Group] = []

    /// Empty statistics.
    public init() {}
}
