import MailModel

/// What a sync did to one account.
public struct AccountSyncReport: Hashable, Sendable {
    /// The account's name.
    public var account: String
    /// The folders looked at (synced, unchanged, gone), by name.
    public var folders: [FolderSyncReport]
    /// Why the account could not be synced (completely): cannot connect, TLS, authentication...
    public var error: SyncFailure?

    /// A report.
    public init(account: String, folders: [FolderSyncReport] = [], error: SyncFailure? = nil) {
        self.account = account
        self.folders = folders
        self.error = error
    }

    /// The folders that failed.
    public var failedFolders: [FolderSyncReport] { folders.filter { $0.error != nil } }

    /// The sum over the folders.
    public var totals: FolderSyncReport {
        var sum = FolderSyncReport(folder: MailboxName(""))
        sum.unchanged = true
        for folder in folders { sum.absorb(folder) }
        sum.error = nil
        sum.gone = false
        return sum
    }

    /// Merges a later report of the same account (watch mode): counts add up, the last error stays.
    mutating func absorb(_ other: AccountSyncReport) {
        for folder in other.folders {
            if let index = folders.firstIndex(where: { $0.folder == folder.folder }) {
                folders[index].absorb(folder)
            } else {
                folders.append(folder)
            }
        }
        folders.sort { $0.folder < $1.folder }
        error = other.error
    }
}
