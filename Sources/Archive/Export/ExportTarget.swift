import MIME

/// Where and how an export writes.
public enum ExportTarget: Sendable, Equatable {
    /// One mbox file, `From ` lines escaped as the variant says.
    case mbox(path: String, variant: MboxVariant)
    /// A Maildir++ tree: a folder per place the messages were seen, flags in the file names.
    case maildir(path: String)
    /// A folder of `.eml` files, one per message.
    case eml(path: String)

    /// `mbox`, `maildir` or `eml`.
    public var formatName: String {
        switch self {
        case .mbox: return "mbox"
        case .maildir: return "maildir"
        case .eml: return "eml"
        }
    }

    /// The file or folder written.
    public var path: String {
        switch self {
        case .mbox(let path, _), .maildir(let path), .eml(let path): return path
        }
    }
}
