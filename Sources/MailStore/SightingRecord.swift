import MailModel

/// A stored sighting: where a message was seen, and when.
public struct SightingRecord: Hashable, Sendable {
    /// The message seen.
    public var message: MessageKey
    /// What was seen, as last reported.
    public var sighting: Sighting
    /// When it was first seen.
    public var firstSeen: Timestamp
    /// When it was last seen.
    public var lastSeen: Timestamp
    /// When it was seen gone from the server (never deleted from the archive); nil while present.
    public var expungedAt: Timestamp?

    /// Creates a record.
    public init(message: MessageKey, sighting: Sighting, firstSeen: Timestamp, lastSeen: Timestamp,
                expungedAt: Timestamp?) {
        self.message = message
        self.sighting = sighting
        self.firstSeen = firstSeen
        self.lastSeen = lastSeen
        self.expungedAt = expungedAt
    }

    /// "account/folder", as result lists print it.
    public var location: String { sighting.account + "/" + sighting.folder.path }
}
