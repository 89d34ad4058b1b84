import MailModel

/// What storing a message did.
public struct InsertOutcome: Hashable, Sendable {
    /// The message's key (new or existing).
    public var key: MessageKey
    /// The message's id.
    public var id: MessageID
    /// SHA-256 of the bytes as received.
    public var rawSHA256: SHA256Digest
    /// Size of the bytes as received.
    public var size: Int
    /// True when the bytes were stored now; false when the message was already archived.
    public var isNew: Bool
    /// The message's thread.
    public var thread: ThreadID
    /// Other messages whose thread changed because this one linked threads (their index documents
    /// are marked for update too).
    public var rethreaded: [MessageKey]
    /// What happened to the sighting, if one was given.
    public var sighting: SightingOutcome?

    /// Creates an outcome.
    public init(key: MessageKey, id: MessageID, rawSHA256: SHA256Digest, size: Int, isNew: Bool, thread: ThreadID,
                rethreaded: [MessageKey], sighting: SightingOutcome?) {
        self.key = key
        self.id = id
        self.rawSHA256 = rawSHA256
        self.size = size
        self.isNew = isNew
        self.thread = thread
        self.rethreaded = rethreaded
        self.sighting = sighting
    }
}
