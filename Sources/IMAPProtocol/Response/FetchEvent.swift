import NIOCore

/// One step of a FETCH response. Body sections arrive as `streamingBegin`, any number of
/// `streamingBytes`, and `streamingEnd`, so a large message never has to sit in memory whole.
///
/// - SeeAlso: RFC 3501 7.4.2.
public enum FetchEvent: Hashable, Sendable {
    /// `* n FETCH (`: a message's response begins.
    case start(SequenceNumber)
    /// An attribute that is not streamed (UID, FLAGS, ENVELOPE...).
    case attribute(MessageAttribute)
    /// A body section begins; `byteCount` bytes follow in `streamingBytes` events.
    case streamingBegin(StreamingKind, byteCount: Int)
    /// Some bytes of the section being streamed (chunks follow the network, not the content).
    case streamingBytes(ByteBuffer)
    /// The section being streamed is complete.
    case streamingEnd
    /// `)`: the message's response is complete.
    case finish
}

/// Which body section is being streamed.
public enum StreamingKind: Hashable, Sendable {
    /// `BODY[section]<offset>`.
    case body(SectionSpecifier, offset: Int?)
    /// `BINARY[part]<offset>` (RFC 3516).
    case binary(part: [Int], offset: Int?)
    /// `RFC822` (the whole message, the old way).
    case rfc822
    /// `RFC822.HEADER`.
    case rfc822Header
    /// `RFC822.TEXT`.
    case rfc822Text
}
