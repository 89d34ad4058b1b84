import MailModel

/// A `message.archived` audit entry whose message the store does not have.
public struct ArchivedEntryGap: Hashable, Sendable {
    /// The entry.
    public var sequence: Int64
    /// The id it records; nil when it records none that can be read.
    public var id: MessageID?

    /// Creates a gap.
    public init(sequence: Int64, id: MessageID?) {
        self.sequence = sequence
        self.id = id
    }
}
