import IMAPProtocol
import MailModel
import NIOCore

/// One step of a streamed body fetch: each message is `begin`, any number of `bytes`, then `end`.
public enum BodyFetchEvent: Sendable {
    /// A message begins; its `byteCount` bytes follow.
    case begin(FetchedMessage)
    /// The next bytes of the current message (chunks follow the network, not the content).
    case bytes(ByteBuffer)
    /// The current message is complete; attributes the server sent after the body are filled in.
    case end(FetchedMessage)
}

/// What is known about a message whose body is being fetched.
public struct FetchedMessage: Hashable, Sendable {
    /// The UID.
    public var uid: UID
    /// The number of body bytes (the literal's size, exactly what `bytes` events deliver).
    public var byteCount: Int
    /// FLAGS.
    public var flags: [Flag]?
    /// INTERNALDATE.
    public var internalDate: Timestamp?
    /// RFC822.SIZE as the server reports it.
    public var rfc822Size: Int?
    /// MODSEQ (with CONDSTORE).
    public var modSeq: ModSeq?

    /// A message description.
    public init(uid: UID, byteCount: Int, flags: [Flag]? = nil, internalDate: Timestamp? = nil, rfc822Size: Int? = nil,
                modSeq: ModSeq? = nil) {
        self.uid = uid
        self.byteCount = byteCount
        self.flags = flags
        self.internalDate = internalDate
        self.rfc822Size = rfc822Size
        self.modSeq = modSeq
    }
}
