import MailModel

/// How a STORE changes flags: `+FLAGS.SILENT (\Seen)`.
///
/// - SeeAlso: RFC 3501 6.4.6.
public struct StoreOperation: Hashable, Sendable {
    /// Replace, add or remove.
    public enum Mode: String, Hashable, Sendable {
        /// `FLAGS`: the flags become exactly these.
        case replace = ""
        /// `+FLAGS`: add these.
        case add = "+"
        /// `-FLAGS`: remove these.
        case remove = "-"
    }

    /// Replace, add or remove.
    public var mode: Mode
    /// The flags.
    public var flags: [Flag]
    /// `.SILENT`: the server need not answer with the new flags.
    public var silent: Bool

    /// A STORE operation.
    public init(_ mode: Mode, _ flags: [Flag], silent: Bool = false) {
        self.mode = mode
        self.flags = flags
        self.silent = silent
    }

    /// The wire form, `+FLAGS.SILENT (\Seen \Flagged)`.
    public var wireText: String {
        mode.rawValue + "FLAGS" + (silent ? ".SILENT" : "") + " (" + flags.map(\.wireForm).joined(separator: " ") + ")"
    }
}
