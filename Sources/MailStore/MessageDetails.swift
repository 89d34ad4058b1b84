import MailModel

/// Everything the store keeps about one message besides its bytes (`cairn show`).
public struct MessageDetails: Hashable, Sendable {
    /// The list fields.
    public var summary: MessageSummary
    /// Sender addresses.
    public var sender: [Address]
    /// Reply-To addresses.
    public var replyTo: [Address]
    /// In-Reply-To ids, without brackets.
    public var inReplyTo: [String]
    /// References ids, without brackets.
    public var references: [String]
    /// Decode warnings.
    public var warnings: [String]
    /// Bytes as stored (after compression).
    public var storedSize: Int
    /// Every sighting.
    public var sightings: [SightingRecord]

    /// Creates details.
    public init(summary: MessageSummary, sender: [Address], replyTo: [Address], inReplyTo: [String], references: [String],
                warnings: [String], storedSize: Int, sightings: [SightingRecord]) {
        self.summary = summary
        self.sender = sender
        self.replyTo = replyTo
        self.inReplyTo = inReplyTo
        self.references = references
        self.warnings = warnings
        self.storedSize = storedSize
        self.sightings = sightings
    }
}
