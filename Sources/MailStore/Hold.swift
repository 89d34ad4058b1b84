import MailModel

/// A legal hold: messages it covers can never be purged while it is active.
public struct Hold: Hashable, Sendable {
    /// The hold's row id (names of released holds may be reused).
    public var id: Int64
    /// The name.
    public var name: String
    /// The query text that selects what it covers (evaluated by the engine, now and for messages
    /// archived later).
    public var query: String
    /// Why it was placed.
    public var reason: String?
    /// When it was placed.
    public var placedAt: Timestamp
    /// When it was released; nil while active.
    public var releasedAt: Timestamp?
    /// How many messages it covers.
    public var messageCount: Int

    /// Creates a hold.
    public init(id: Int64, name: String, query: String, reason: String?, placedAt: Timestamp, releasedAt: Timestamp?,
                messageCount: Int) {
        self.id = id
        self.name = name
        self.query = query
        self.reason = reason
        self.placedAt = placedAt
        self.releasedAt = releasedAt
        self.messageCount = messageCount
    }

    /// Whether the hold is in force.
    public var isActive: Bool { releasedAt == nil }
}
