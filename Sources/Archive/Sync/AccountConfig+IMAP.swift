import IMAPClient
import IMAPProtocol

extension AccountConfig {
    /// The IMAP client's configuration for this account, logging in with `secret`.
    func imapConfiguration(secret: Secret, options: SyncOptions) -> IMAPConfiguration {
        let security: IMAPConfiguration.Security
        switch self.security {
        case .tls: security = .implicitTLS
        case .starttls: security = .startTLS
        case .none: security = .plaintext(allowInsecure: allowInsecure)
        }
        let credentials: Credentials
        switch secret.kind {
        case .password: credentials = .password(user: user, password: secret.value)
        case .oauth2Token: credentials = .oauth2(user: user, accessToken: secret.value)
        }
        var configuration = IMAPConfiguration(host: host, port: port, security: security, credentials: credentials)
        if let caFile { configuration.tls.trust = .caFile(caFile) }
        configuration.timeouts = options.timeouts
        configuration.fetch = options.fetch
        configuration.clientID = [IDParameter(key: "name", value: "cairn")]
        configuration.compression = options.compression && !isLoopback
        return configuration
    }

    /// Whether the server is on this machine.
    var isLoopback: Bool {
        let name = host.lowercased()
        return name == "localhost" || name == "::1" || name.hasPrefix("127.")
    }
}
