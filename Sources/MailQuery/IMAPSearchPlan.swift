/// A query translated for `--where remote`: the UID SEARCH keys, and which folders and accounts to
/// run them in.
public struct IMAPSearchPlan: Hashable, Sendable, CustomStringConvertible {
    /// The search keys, to send as `UID SEARCH <key>` in each selected folder.
    public var key: IMAPSearchKey
    /// Folder conditions: a folder is searched when, for every group, its name matches one pattern
    /// of the group (any case). Empty: every folder.
    public var folderGroups: [[GlobPattern]]
    /// Folders not to search (any pattern).
    public var excludedFolders: [GlobPattern]
    /// Account conditions, as ``folderGroups``.
    public var accountGroups: [[GlobPattern]]
    /// Accounts not to search (any pattern).
    public var excludedAccounts: [GlobPattern]

    /// Creates a plan.
    public init(key: IMAPSearchKey, folderGroups: [[GlobPattern]] = [], excludedFolders: [GlobPattern] = [],
                accountGroups: [[GlobPattern]] = [], excludedAccounts: [GlobPattern] = []) {
        self.key = key
        self.folderGroups = folderGroups
        self.excludedFolders = excludedFolders
        self.accountGroups = accountGroups
        self.excludedAccounts = excludedAccounts
    }

    /// Whether the folder (decoded name, without the account) is to be searched.
    public func includes(folder: String) -> Bool {
        IMAPSearchPlan.selects(folder, groups: folderGroups, excluded: excludedFolders)
    }

    /// Whether the account is to be searched.
    public func includes(account: String) -> Bool {
        IMAPSearchPlan.selects(account, groups: accountGroups, excluded: excludedAccounts)
    }

    private static func selects(_ name: String, groups: [[GlobPattern]], excluded: [GlobPattern]) -> Bool {
        groups.allSatisfy { group in group.contains { $0.matches(name, caseInsensitive: true) } }
            && !excluded.contains { $0.matches(name, caseInsensitive: true) }
    }

    /// `UID SEARCH FROM "ann"` plus the folder and account conditions, for `--explain`.
    public var description: String {
        var text = "UID SEARCH " + key.description
        func patterns(_ list: [GlobPattern]) -> String { list.map { "\"\($0.text)\"" }.joined(separator: " or ") }
        for group in accountGroups { text += "\n  in accounts named " + patterns(group) }
        if !excludedAccounts.isEmpty { text += "\n  not in accounts named " + patterns(excludedAccounts) }
        for group in folderGroups { text += "\n  in folders named " + patterns(group) }
        if !excludedFolders.isEmpty { text += "\n  not in folders named " + patterns(excludedFolders) }
        return text
    }
}
