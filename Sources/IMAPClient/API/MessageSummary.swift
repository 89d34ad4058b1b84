import IMAPProtocol
import MailModel

/// A message's metadata from `UID FETCH (UID FLAGS INTERNALDATE RFC822.SIZE MODSEQ)`.
public struct MessageSummary: Hashable, Sendable {
    /// The message's current sequence number.
    public var sequenceNumber: SequenceNumber
    /// The UID.
    public var uid: UID
    /// The flags (nil when not fetched).
    public var flags: [Flag]?
    /// INTERNALDATE (nil when not fetched).
    public var internalDate: Timestamp?
    /// RFC822.SIZE (nil when not fetched).
    public var size: Int?
    /// MODSEQ (nil without CONDSTORE).
    public var modSeq: ModSeq?

    /// The summary of a FETCH response that carried a UID; nil otherwise.
    init?(_ message: FetchedAttributes) {
        var uid: UID?
        sequenceNumber = message.sequenceNumber
        for attribute in message.attributes {
            switch attribute {
            case .uid(let value): uid = value
            case .flags(let value): flags = value
            case .internalDate(let value): internalDate = value
            case .rfc822Size(let value): size = value
            case .modSeq(let value): modSeq = value
            default: break
            }
        }
        guard let uid else { return nil }
        self.uid = uid
    }
}

/// The attributes of one FETCH response, assembled from its events (bodies included, for small fetches).
public struct FetchedAttributes: Hashable, Sendable {
    /// The message's sequence number.
    public var sequenceNumber: SequenceNumber
    /// The attributes in the order sent.
    public var attributes: [MessageAttribute]
    /// Body sections, in the order sent.
    public var sections: [FetchedSection]

    /// An empty response for a message.
    public init(sequenceNumber: SequenceNumber) {
        self.sequenceNumber = sequenceNumber
        attributes = []
        sections = []
    }

    /// The UID, when fetched.
    public var uid: UID? {
        for case .uid(let uid) in attributes { return uid }
        return nil
    }
}

/// A body section received whole.
public struct FetchedSection: Hashable, Sendable {
    /// Which section.
    public var kind: StreamingKind
    /// Its bytes.
    public var bytes: [UInt8]
}
