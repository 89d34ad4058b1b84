import MailModel

/// A stored retention rule: messages in scope are kept at least this long.
public struct RetentionRule: Hashable, Sendable {
    /// What it applies to.
    public var scope: RetentionScope
    /// How long it keeps them.
    public var keep: RetentionPeriod
    /// When it was set.
    public var setAt: Timestamp

    /// Creates a rule.
    public init(scope: RetentionScope, keep: RetentionPeriod, setAt: Timestamp) {
        self.scope = scope
        self.keep = keep
        self.setAt = setAt
    }
}
