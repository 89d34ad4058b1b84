import MailModel

/// One place a message was seen: an account and a folder's decoded name.
public struct MessagePlace: Hashable, Sendable {
    /// The account's name (as configured).
    public var account: String
    /// The folder's decoded name, without the account.
    public var folder: MailboxName

    /// Creates a place.
    public init(account: String, folder: MailboxName) {
        self.account = account
        self.folder = folder
    }
}
