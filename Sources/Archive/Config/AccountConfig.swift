import MailModel

/// One IMAP account as `config.toml` keeps it: where to connect, who to log in as, where the secret
/// comes from (never the secret itself), and which folders to archive.
public struct AccountConfig: Equatable, Sendable {
    /// How the connection is secured.
    public enum Security: String, Sendable, CaseIterable {
        /// Implicit TLS (IMAPS, port 993 by default).
        case tls
        /// STARTTLS on a plain connection (port 143 by default).
        case starttls
        /// No TLS at all; refused unless `allowInsecure` is set.
        case none

        /// The usual port.
        public var defaultPort: Int { self == .tls ? 993 : 143 }
    }

    /// The account's name, as commands refer to it: letters, digits, `.`, `_`, `-`.
    public var name: String
    /// The server's host name.
    public var host: String
    /// The server's port.
    public var port: Int
    /// How the connection is secured.
    public var security: Security
    /// The login name.
    public var user: String
    /// Where the password or token comes from at sync time.
    public var credential: CredentialSource
    /// Folder globs to archive; empty means every selectable folder.
    public var include: [String]
    /// Folder globs never to archive.
    public var exclude: [String]
    /// A PEM file of certificates to trust instead of the system's.
    public var caFile: String?
    /// Whether a connection without TLS is allowed.
    public var allowInsecure: Bool

    /// Creates an account description.
    public init(name: String, host: String, port: Int? = nil, security: Security = .tls, user: String,
                credential: CredentialSource, include: [String] = [], exclude: [String] = [],
                caFile: String? = nil, allowInsecure: Bool = false) {
        self.name = name
        self.host = host
        self.port = port ?? security.defaultPort
        self.security = security
        self.user = user
        self.credential = credential
        self.include = include
        self.exclude = exclude
        self.caFile = caFile
        self.allowInsecure = allowInsecure
    }

    /// Whether a name is usable as an account name.
    public static func isValidName(_ name: String) -> Bool {
        !name.isEmpty && name.count <= 64 && name.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0)
                || $0 == "." || $0 == "_" || $0 == "-"
        } && !name.hasPrefix(".") && !name.hasPrefix("-")
    }

    /// Whether a folder (decoded name) is selected by the include and exclude globs.
    public func selects(folder: String) -> Bool {
        let included = include.isEmpty || include.contains { Glob($0).matches(folder) }
        return included && !exclude.contains { Glob($0).matches(folder) }
    }
}

/// Where an account's secret comes from; read at sync time, never stored.
public enum CredentialSource: Equatable, Sendable, CustomStringConvertible {
    /// A password in an environment variable.
    case passwordEnvironment(String)
    /// A password in the first line of a file that only its owner may read.
    case passwordFile(String)
    /// A password printed by a command.
    case passwordCommand(String)
    /// An OAuth 2 access token printed by a command (XOAUTH2 / OAUTHBEARER).
    case oauth2TokenCommand(String)

    /// What `account show` prints: where the secret comes from, never the secret.
    public var description: String {
        switch self {
        case .passwordEnvironment(let name): return "password from the environment variable \(name)"
        case .passwordFile(let path): return "password from the file \(path)"
        case .passwordCommand(let command): return "password from the command `\(command)`"
        case .oauth2TokenCommand(let command): return "OAuth 2 token from the command `\(command)`"
        }
    }
}
