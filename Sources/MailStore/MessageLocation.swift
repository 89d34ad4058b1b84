import MailModel

/// A folder of an account in which a message was seen.
public struct MessageLocation: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The account name.
    public var account: String
    /// The folder, decoded.
    public var folder: MailboxName

    /// Creates a location.
    public init(account: String, folder: MailboxName) {
        self.account = account
        self.folder = folder
    }

    /// Orders by account, then folder.
    public static func < (lhs: MessageLocation, rhs: MessageLocation) -> Bool {
        (lhs.account, lhs.folder.path) < (rhs.account, rhs.folder.path)
    }

    /// `account/folder`, as JSON results list it.
    public var description: String { account + "/" + folder.path }
}
