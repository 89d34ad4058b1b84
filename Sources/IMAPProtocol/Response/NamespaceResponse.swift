/// A NAMESPACE reply: personal, other users' and shared namespaces (RFC 2342).
public struct NamespaceResponse: Hashable, Sendable {
    /// One namespace: a prefix and its hierarchy delimiter.
    public struct Namespace: Hashable, Sendable {
        /// The prefix on the wire (`""`, `"INBOX."`, `"Other Users/"`).
        public var prefix: EncodedMailbox
        /// The delimiter, nil for a flat namespace.
        public var delimiter: UInt8?

        /// A namespace.
        public init(prefix: EncodedMailbox, delimiter: UInt8?) {
            self.prefix = prefix
            self.delimiter = delimiter
        }
    }

    /// Personal namespaces.
    public var personal: [Namespace]
    /// Other users' namespaces.
    public var otherUsers: [Namespace]
    /// Shared namespaces.
    public var shared: [Namespace]

    /// A namespace reply.
    public init(personal: [Namespace], otherUsers: [Namespace], shared: [Namespace]) {
        self.personal = personal
        self.otherUsers = otherUsers
        self.shared = shared
    }
}
