/// A mailbox (folder) name as a user reads it: decoded from modified UTF-7, with the server's
/// hierarchy delimiter normalised to "/".
///
/// - SeeAlso: RFC 3501 5.1.3 (modified UTF-7), RFC 9051 5.1.
public struct MailboxName: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The decoded name, path components separated by "/". INBOX is always spelled "INBOX".
    public let path: String

    /// Creates a name from its decoded path; any case of "inbox" becomes "INBOX" (RFC 3501 5.1).
    public init(_ path: String) {
        if path.uppercased() == "INBOX" {
            self.path = "INBOX"
        } else if path.uppercased().hasPrefix("INBOX/") {
            self.path = "INBOX" + path.dropFirst(5)
        } else {
            self.path = path
        }
    }

    /// INBOX.
    public static let inbox = MailboxName("INBOX")

    /// The components of the path.
    public var components: [Substring] { path.split(separator: "/", omittingEmptySubsequences: false) }

    /// The decoded path.
    public var description: String { path }

    /// Orders by path.
    public static func < (lhs: MailboxName, rhs: MailboxName) -> Bool { lhs.path < rhs.path }
}
