/// Who logs in, and with what secret. Its descriptions never show the secret.
public struct Credentials: Sendable, CustomStringConvertible, CustomDebugStringConvertible {
    enum Secret: Sendable {
        case password(String)
        case oauth2(String)
    }

    /// The user name.
    public let user: String
    let secret: Secret

    /// A user name and password (SASL PLAIN, SASL LOGIN or the LOGIN command, as the server offers).
    public static func password(user: String, password: String) -> Credentials {
        Credentials(user: user, secret: .password(password))
    }

    /// A user name and OAuth 2 access token (SASL OAUTHBEARER or XOAUTH2, as the server offers).
    public static func oauth2(user: String, accessToken: String) -> Credentials {
        Credentials(user: user, secret: .oauth2(accessToken))
    }

    /// Whether these are OAuth 2 credentials.
    public var isOAuth2: Bool {
        if case .oauth2 = secret { return true }
        return false
    }

    /// `[credentials redacted]`.
    public var description: String { "[credentials redacted]" }
    /// `[credentials redacted]`.
    public var debugDescription: String { description }
}
