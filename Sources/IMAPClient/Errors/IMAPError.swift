import IMAPProtocol

/// A failure of an IMAP connection or command. Its description says what happened in plain words and
/// never contains credentials, message data or mailbox names.
///
/// ```swift
/// catch let error as IMAPError where error.category == .authentication { ... }
/// ```
public struct IMAPError: Error, Sendable, CustomStringConvertible {
    /// What kind of failure: the CLI maps every category to exit code 5 ("the server").
    public struct Category: Hashable, Sendable, CustomStringConvertible {
        /// The category's name.
        public let name: String
        /// The server could not be reached, or the connection broke.
        public static let connection = Category(name: "connection")
        /// TLS could not be established (certificate unknown, expired, wrong host...).
        public static let tls = Category(name: "tls")
        /// The server refused the credentials, or no usable mechanism exists.
        public static let authentication = Category(name: "authentication")
        /// The server broke the protocol (unparsable or unexpected response).
        public static let `protocol` = Category(name: "protocol")
        /// The server did not answer in time.
        public static let timeout = Category(name: "timeout")
        /// The server answered a command with NO or BAD.
        public static let commandFailed = Category(name: "command failed")
        /// The connection was used wrongly (a command while a fetch stream is open, after LOGOUT...).
        public static let usage = Category(name: "usage")
        /// The name.
        public var description: String { name }
    }

    /// The kind of failure.
    public var category: Category
    /// What happened, in plain words, without private data.
    public var message: String
    /// The server's response code, when the server said NO or BAD.
    public var responseCode: ResponseCode?
    /// The server's own text (may name mailboxes; not part of ``description``).
    public var serverText: String?

    /// An error.
    public init(_ category: Category, _ message: String, responseCode: ResponseCode? = nil, serverText: String? = nil) {
        self.category = category
        self.message = message
        self.responseCode = responseCode
        self.serverText = serverText
    }

    /// `IMAP <category>: <message>`.
    public var description: String { "IMAP \(category): \(message)" }
}
