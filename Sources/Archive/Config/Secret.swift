/// A password or token read at sync time. Its descriptions never show it.
public struct Secret: Sendable, CustomStringConvertible, CustomDebugStringConvertible {
    /// Whether this is a password or an OAuth 2 access token.
    public enum Kind: Sendable, Equatable {
        /// A password for LOGIN / AUTHENTICATE PLAIN.
        case password
        /// An access token for XOAUTH2 / OAUTHBEARER.
        case oauth2Token
    }

    /// What the secret is.
    public let kind: Kind
    /// The secret itself: hand it to the authenticator only.
    public let value: String

    /// Wraps a secret.
    public init(kind: Kind, value: String) {
        self.kind = kind
        self.value = value
    }

    /// Always redacted.
    public var description: String { "<redacted>" }
    /// Always redacted.
    public var debugDescription: String { "<redacted>" }
}
