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
