import MailModel

/// What to sync: accounts, and optionally only some of their folders.
public struct SyncRequest: Sendable {
    /// The accounts, in order.
    public var accounts: [AccountConfig]
    /// Folder globs (`--folder`); empty means every folder each account selects.
    public var folders: [String]

    /// A request.
    public init(accounts: [AccountConfig], folders: [String] = []) {
        self.accounts = accounts
        self.folders = folders
    }

    /// Whether a folder of `account` is to be synced.
    func selects(_ folder: MailboxName, of account: AccountConfig) -> Bool {
        account.selects(folder: folder.path) && (folders.isEmpty || folders.contains { Glob($0).matches(folder.path) })
    }
}
