/// What to import: a kind of source, paths, and the account and folder to file the messages under.
public struct ImportRequest: Sendable {
    /// The kinds of import source.
    public enum Kind: String, Sendable, CaseIterable {
        /// A Maildir, or a tree of Maildir++ folders or nested Maildirs.
        case maildir
        /// An mbox file (mboxo, mboxrd or Content-Length), or a folder of them.
        case mbox
        /// `.eml` files, folders of them, or `-` for one message on standard input.
        case eml
    }

    /// The account name imports use when none is given.
    public static let defaultAccount = "local"

    /// The kind of source.
    public var kind: Kind
    /// The paths (`-` is standard input for `.eml`).
    public var paths: [String]
    /// The account the messages are filed under (default ``defaultAccount``).
    public var account: String
    /// The folder: for a Maildir, the name of its root folder (subfolders go below it); for an
    /// mbox, the folder of a single file (or the parent of a folder's files); for `.eml`, the
    /// folder of every message (default INBOX).
    public var folder: String?

    /// Creates a request.
    public init(kind: Kind, paths: [String], account: String? = nil, folder: String? = nil) {
        self.kind = kind
        self.paths = paths
        self.account = account.flatMap { $0.isEmpty ? nil : $0 } ?? ImportRequest.defaultAccount
        self.folder = folder.flatMap { $0.isEmpty ? nil : $0 }
    }
}

/// What an import found before reading: the number of messages (when known up front) and bytes.
public struct ImportPlan: Hashable, Sendable {
    /// Messages to read, when known (Maildir and `.eml`); nil for mboxes.
    public var messages: Int?
    /// Bytes of the files to read.
    public var bytes: Int64
}
