/// A message whose index document must be written, with the change counter read at the time: marking
/// it indexed succeeds only if nothing changed since (so a change made while the indexer worked is
/// never lost).
public struct IndexTicket: Hashable, Sendable {
    /// The message.
    public var key: MessageKey
    /// Its change counter when read.
    public var stamp: Int64

    /// Creates a ticket.
    public init(key: MessageKey, stamp: Int64) {
        self.key = key
        self.stamp = stamp
    }
}
