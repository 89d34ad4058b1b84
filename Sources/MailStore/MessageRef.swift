import MailModel

/// An archived message's two names: the store's key and the message's id.
public struct MessageRef: Hashable, Sendable {
    /// The row key.
    public var key: MessageKey
    /// The SHA-256 id.
    public var id: MessageID

    /// Creates a reference.
    public init(key: MessageKey, id: MessageID) {
        self.key = key
        self.id = id
    }
}
