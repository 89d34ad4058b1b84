import NIOCore

/// What a ``MIMEReader`` reports as it reads a message.
///
/// Events come in document order: `partBegin` of an entity, then its content (for leaves and
/// encapsulated messages) and the events of its children, then its `partEnd`. Content of an
/// encapsulated message interleaves with the events of the entities inside it, so content names the
/// entity it belongs to.
public enum MIMEEvent: Sendable {
    /// An entity begins; its header has been read.
    case partBegin(MIMEPart)
    /// Decoded content bytes of the entity with this index (for an encapsulated message: the bytes
    /// of the message after its own transfer decoding).
    case content(part: Int, ByteBuffer)
    /// An entity ends.
    case partEnd(MIMEPartEnd)
    /// A defect that was repaired or ignored.
    case warning(MIMEWarning)
}

/// The end of an entity.
public struct MIMEPartEnd: Hashable, Sendable {
    /// The entity's index.
    public var index: Int
    /// Its IMAP section number.
    public var path: PartPath
    /// The size of its body as written in the message (before transfer decoding; for an
    /// encapsulated message, within its enclosing message's decoded content).
    public var rawBodySize: Int
}
