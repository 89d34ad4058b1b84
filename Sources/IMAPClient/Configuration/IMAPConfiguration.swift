import IMAPProtocol

/// Everything needed to open an IMAP session: where, how securely, as whom, and with which limits.
///
/// ```swift
/// var configuration = IMAPConfiguration(host: "imap.example.com", credentials: .password(user: "me", password: secret))
/// configuration.tls.trust = .caFile("/etc/ssl/my-ca.pem")   // default: the system trust store
/// ```
public struct IMAPConfiguration: Sendable {
    /// How the connection is protected.
    public enum Security: Hashable, Sendable {
        /// IMAPS: TLS from the first byte (port 993).
        case implicitTLS
        /// Plain IMAP upgraded with STARTTLS before login (port 143); fails when the server does not offer it.
        case startTLS
        /// No encryption at all: only when the user explicitly allows it (credentials travel in clear).
        case plaintext(allowInsecure: Bool)
    }

    /// The server's host name or address.
    public var host: String
    /// The TCP port; nil means 993 for implicit TLS and 143 otherwise.
    public var port: Int?
    /// How the connection is protected; `.implicitTLS` by default.
    public var security: Security
    /// Certificate checks.
    public var tls: TLSOptions
    /// Who logs in.
    public var credentials: Credentials
    /// Time limits.
    public var timeouts: Timeouts
    /// Use COMPRESS=DEFLATE when the server offers it (RFC 4978); on by default.
    public var compression: Bool
    /// Send `ID` with these fields after login when the server offers ID (RFC 2971); nil sends nothing.
    public var clientID: [IDParameter]?
    /// Limits for the response parser.
    public var parserOptions: ResponseParserOptions
    /// How message bodies are fetched.
    public var fetch: FetchOptions

    /// A configuration with the defaults described on each property.
    public init(host: String, port: Int? = nil, security: Security = .implicitTLS, credentials: Credentials) {
        self.host = host
        self.port = port
        self.security = security
        self.tls = TLSOptions()
        self.credentials = credentials
        self.timeouts = Timeouts()
        self.compression = true
        self.clientID = nil
        self.parserOptions = ResponseParserOptions()
        self.fetch = FetchOptions()
    }

    /// The port in use: the explicit one, else 993 / 143.
    public var effectivePort: Int {
        if let port { return port }
        if case .implicitTLS = security { return 993 }
        return 143
    }
}

/// How server certificates are checked.
public struct TLSOptions: Sendable {
    /// Which certificate authorities are trusted.
    public enum Trust: Hashable, Sendable {
        /// The system's trust store.
        case system
        /// The CAs in a PEM file (a private or test CA).
        case caFile(String)
    }

    /// Which certificate authorities are trusted; `.system` by default.
    public var trust: Trust = .system
    /// The name the certificate must carry; nil means the configured host (an IP address is matched
    /// against the certificate's IP addresses).
    public var serverName: String?

    /// The defaults: system trust, the host's own name.
    public init() {}
}

/// Time limits of a connection.
public struct Timeouts: Hashable, Sendable {
    /// Establishing TCP (and TLS). Default 30 s.
    public var connect: Duration = .seconds(30)
    /// The longest wait for the next bytes of a command's response. Default 120 s.
    public var command: Duration = .seconds(120)
    /// The longest wait for the greeting and login. Default 60 s.
    public var login: Duration = .seconds(60)
    /// How long one IDLE lasts before it is renewed (servers may drop it after 30 minutes). Default 29 min.
    public var idleRenewal: Duration = .seconds(29 * 60)
    /// Waiting for LOGOUT's answer when closing. Default 5 s.
    public var logout: Duration = .seconds(5)

    /// The defaults described on each property.
    public init() {}
}

/// How message bodies are fetched: batches of UIDs, several batches in flight.
public struct FetchOptions: Hashable, Sendable {
    /// Messages per UID FETCH command. Default 200.
    public var batchSize: Int = 200
    /// UID FETCH commands in flight at once. Default 4.
    public var pipelineDepth: Int = 4
    /// The most body bytes held for a message whose UID the server sends after its body. Default 64 MiB.
    public var maxBufferedBodyWithoutUID: Int = 64 * 1024 * 1024

    /// The defaults described on each property.
    public init() {}
}
