/// What a sync (or a watch, until it stopped) did, account by account.
public struct SyncReport: Hashable, Sendable {
    /// One report per account, in the order asked.
    public var accounts: [AccountSyncReport]
    /// Whether the sync was stopped (SIGINT / SIGTERM) before it was complete.
    public var interrupted = false

    /// A report.
    public init(accounts: [AccountSyncReport] = []) {
        self.accounts = accounts
    }

    /// Whether an account failed because of its server (connection, TLS, authentication): exit 5.
    public var hasServerFailure: Bool { accounts.contains { $0.error?.isServerFailure == true } }

    /// Whether the archive itself failed: exit 1.
    public var archiveFailure: SyncFailure? {
        accounts.compactMap(\.error).first { $0.kind == .archive }
    }

    /// Whether some folders (or messages) failed while the rest was done: exit 3.
    public var isPartial: Bool {
        accounts.contains { account in account.error != nil || account.folders.contains { $0.error != nil || $0.failed > 0 } }
    }

    /// Merges a later round (watch mode).
    mutating func absorb(_ other: SyncReport) {
        for account in other.accounts {
            if let index = accounts.firstIndex(where: { $0.account == account.account }) {
                accounts[index].absorb(account)
            } else {
                accounts.append(account)
            }
        }
    }
}
