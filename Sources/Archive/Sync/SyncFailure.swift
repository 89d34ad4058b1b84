import IMAPClient

/// Why an account, or one of its folders, could not be synced. The description says what happened
/// and what to do; it never holds a credential or message content.
public struct SyncFailure: Error, Hashable, Sendable, CustomStringConvertible {
    /// What kind of failure: decides the exit code (CLI.md).
    public struct Kind: Hashable, Sendable, CustomStringConvertible {
        /// The kind's name.
        public let name: String
        /// The server: cannot connect, TLS, authentication, timeout, or a protocol error (exit 5).
        public static let server = Kind(name: "server")
        /// The account's secret could not be read (exit 5: the login cannot happen).
        public static let credentials = Kind(name: "credentials")
        /// The server refused a command on one folder (the others go on; exit 3).
        public static let folder = Kind(name: "folder")
        /// The archive could not take the messages (exit 1).
        public static let archive = Kind(name: "archive")
        /// The name.
        public var description: String { name }
    }

    /// The kind.
    public var kind: Kind
    /// What happened and what to do.
    public var message: String
    /// Whether trying again cannot help until the user acts (a refused login or certificate, an
    /// unreadable secret).
    public var isPermanent: Bool

    /// A failure.
    public init(_ kind: Kind, _ message: String, isPermanent: Bool? = nil) {
        self.kind = kind
        self.message = message
        self.isPermanent = isPermanent ?? (kind == .credentials)
    }

    /// The message.
    public var description: String { message }

    /// Whether the server (or reaching it) is at fault: exit code 5.
    public var isServerFailure: Bool { kind == .server || kind == .credentials }

    /// The failure of an account's connection, with a hint of what to do.
    static func connection(_ error: IMAPError, account: AccountConfig) -> SyncFailure {
        let place = "\(account.host):\(account.port)"
        let hint: String
        switch error.category {
        case .tls:
            hint = "; if the server's certificate is right, trust it: set ca_file = \"/path/to/ca.pem\" for the account "
                + "in config.toml (or remove and re-add the account with --ca-file)"
        case .authentication:
            hint = "; check the user name and the account's password source (cairn account show \(account.name))"
        case .connection:
            hint = "; check the host and port, and that the server is reachable"
        case .timeout:
            hint = "; the server or the network is slow or gone: try again later"
        default:
            hint = ""
        }
        return SyncFailure(.server, "account '\(account.name)' (\(place)): \(error.message)\(hint)",
                           isPermanent: error.category == .tls || error.category == .authentication)
    }

    /// Whether an IMAP error breaks the connection (rather than failing one command).
    static func breaksConnection(_ error: IMAPError) -> Bool {
        error.category != .commandFailed
    }
}
