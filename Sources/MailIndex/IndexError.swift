/// A failure of the index: what happened, in words, and what a user can do about it.
///
/// Errors never carry message text or addresses; Xapian's messages may name index paths.
public struct IndexError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The kind of failure, for code that reacts to it.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private let name: String
        private init(_ name: String) { self.name = name }

        /// Another writer holds the index (Xapian's DatabaseLockError); the CLI exits 6.
        public static let locked = Code("locked")
        /// There is no index at the path.
        public static let notFound = Code("notFound")
        /// The index is damaged; rebuild it.
        public static let corrupt = Code("corrupt")
        /// The index changed under a reader; reopen and retry (readers do this themselves).
        public static let modified = Code("modified")
        /// The index was written by another version of Xapian, or another index layout of Cairn.
        public static let version = Code("version")
        /// A remote shard cannot be reached.
        public static let network = Code("network")
        /// A value the index cannot take (a row id beyond 2^32-1, an overlong term).
        public static let invalidArgument = Code("invalidArgument")
        /// Anything else Xapian or the C++ runtime reported.
        public static let failed = Code("failed")

        /// The code's name.
        public var description: String { name }
    }

    /// The kind of failure.
    public let code: Code
    /// What happened.
    public let message: String
    /// What a user can do about it, if anything.
    public let hint: String?

    /// Creates an error.
    public init(_ code: Code, _ message: String, hint: String? = nil) {
        self.code = code
        self.message = message
        self.hint = hint
    }

    /// The message, then the hint.
    public var description: String {
        hint.map { "\(message). \($0)" } ?? message
    }
}
