/// What the server lets a client use when it writes commands: non-synchronizing literals and UTF-8.
///
/// - SeeAlso: RFC 7888 (LITERAL+ / LITERAL-), RFC 6855 (UTF8=ACCEPT).
public struct CommandEncodingOptions: Hashable, Sendable {
    /// How literals are sent.
    public enum LiteralMode: Hashable, Sendable {
        /// `{n}`: every literal waits for the server's `+` continuation (RFC 3501).
        case synchronizing
        /// `{n+}` for every literal: LITERAL+ (RFC 7888).
        case nonSynchronizing
        /// `{n+}` for literals up to 4096 bytes, `{n}` above: LITERAL- (RFC 7888).
        case nonSynchronizingUpTo4096
    }

    /// How literals are sent; `.synchronizing` by default.
    public var literalMode: LiteralMode
    /// Whether UTF-8 may be sent in quoted strings and mailbox names (after `ENABLE UTF8=ACCEPT`).
    public var utf8: Bool

    /// Options with synchronizing literals and no UTF-8: safe with every server.
    public init(literalMode: LiteralMode = .synchronizing, utf8: Bool = false) {
        self.literalMode = literalMode
        self.utf8 = utf8
    }

    /// The options a server's capabilities allow; `utf8Enabled` when `ENABLE UTF8=ACCEPT` succeeded.
    public init(capabilities: Set<Capability>, utf8Enabled: Bool = false) {
        if capabilities.contains(.literalPlus) {
            literalMode = .nonSynchronizing
        } else if capabilities.contains(.literalMinus) {
            literalMode = .nonSynchronizingUpTo4096
        } else {
            literalMode = .synchronizing
        }
        utf8 = utf8Enabled
    }
}
