import MailModel

/// What a retention rule applies to.
public enum RetentionScope: Hashable, Sendable, CustomStringConvertible {
    /// Every message seen in an account (by name).
    case account(String)
    /// Every message seen in a folder matching a glob (`*` any run of characters, `?` one; the
    /// folder's decoded name without the account, as `folder:` matches it).
    case folder(String)
    /// Every message.
    case all

    /// The stored scope name.
    var kind: String {
        switch self {
        case .account: "account"
        case .folder: "folder"
        case .all: "all"
        }
    }

    /// The stored pattern ('' for all).
    var pattern: String {
        switch self {
        case .account(let name): name
        case .folder(let glob): glob
        case .all: ""
        }
    }

    init?(kind: String, pattern: String) {
        switch kind {
        case "account": self = .account(pattern)
        case "folder": self = .folder(pattern)
        case "all": self = .all
        default: return nil
        }
    }

    /// Whether a message seen at `location` is in scope.
    public func covers(_ location: MessageLocation) -> Bool {
        switch self {
        case .account(let name): location.account == name
        case .folder(let glob): FolderGlob.matches(glob, location.folder.path)
        case .all: true
        }
    }

    /// `account NAME`, `folder GLOB` or `all`.
    public var description: String {
        switch self {
        case .account(let name): "account \(name)"
        case .folder(let glob): "folder \(glob)"
        case .all: "all"
        }
    }
}

/// Glob matching of folder names: `*` matches any run of characters (also across `/`), `?` one.
enum FolderGlob {
    static func matches(_ pattern: String, _ name: String) -> Bool {
        let pattern = Array(MailboxName(pattern).path.unicodeScalars)
        let name = Array(name.unicodeScalars)
        var p = 0, n = 0
        var star = -1, resume = 0
        while n < name.count {
            if p < pattern.count, pattern[p] == "?" || pattern[p] == name[n] {
                p += 1
                n += 1
            } else if p < pattern.count, pattern[p] == "*" {
                star = p
                resume = n
                p += 1
            } else if star >= 0 {
                p = star + 1
                resume += 1
                n = resume
            } else {
                return false
            }
        }
        while p < pattern.count, pattern[p] == "*" { p += 1 }
        return p == pattern.count
    }
}
