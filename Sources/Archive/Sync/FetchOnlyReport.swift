/// What a fetch-only run (`cairn sync --fetch-only`) did: per account, the folders read and the
/// messages and bytes streamed from the server and discarded. Nothing of it is archived.
public struct FetchOnlyReport: Hashable, Sendable {
    /// One account's figures.
    public struct Account: Hashable, Sendable {
        /// The account's name.
        public var account: String
        /// Folders whose every message body was read.
        public var folders = 0
        /// Message bodies read (each counted once it ended).
        public var messages = 0
        /// Bytes of the bodies read (as the server sent them, CRLF line ends).
        public var bytes: Int64 = 0
        /// Folders that could not be read (the others were).
        public var failures: [SyncFailure] = []
        /// Why the account could not be read (completely): credentials, cannot connect, TLS, login...
        public var error: SyncFailure?

        /// An account with nothing read yet.
        public init(account: String) { self.account = account }

        /// Adds the figures and failures of another part of the same account (another connection).
        mutating func absorb(_ other: Account) {
            folders += other.folders
            messages += other.messages
            bytes += other.bytes
            failures += other.failures
            if error == nil { error = other.error }
        }
    }

    /// The accounts, in the order of the request.
    public var accounts: [Account]

    /// A report.
    public init(accounts: [Account] = []) { self.accounts = accounts }

    /// Folders read over every account.
    public var folders: Int { accounts.reduce(0) { $0 + $1.folders } }
    /// Messages read over every account.
    public var messages: Int { accounts.reduce(0) { $0 + $1.messages } }
    /// Bytes read over every account.
    public var bytes: Int64 { accounts.reduce(0) { $0 + $1.bytes } }

    /// Whether a server (or an account's secret) failed: exit code 5.
    public var hasServerFailure: Bool {
        accounts.contains { $0.error?.isServerFailure == true || $0.failures.contains(where: \.isServerFailure) }
    }

    /// Whether some folders could not be read: exit code 3.
    public var isPartial: Bool { accounts.contains { !$0.failures.isEmpty } }
}
