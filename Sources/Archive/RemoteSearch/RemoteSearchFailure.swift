import MailModel

/// Why an account, or one of its folders, could not be searched on the server. The description
/// says what happened and what to do; it never holds a credential.
public struct RemoteSearchFailure: Error, Hashable, Sendable, CustomStringConvertible {
    /// The account.
    public var account: String
    /// The folder, when only that folder failed (the others were searched).
    public var folder: MailboxName?
    /// What happened and what to do.
    public var message: String

    /// A failure.
    public init(account: String, folder: MailboxName? = nil, message: String) {
        self.account = account
        self.folder = folder
        self.message = message
    }

    /// Whether the server could not be used at all (connection, TLS, login, protocol): exit code 5
    /// for `--where remote`. A folder's refusal is a partial failure.
    public var isServerFailure: Bool { folder == nil }

    /// The message.
    public var description: String { message }
}
