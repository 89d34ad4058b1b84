import NIOCore

/// What an ``MboxReader`` reports: each message as a begin, its bytes in chunks, an end.
public enum MboxEvent: Sendable {
    /// A message begins; nil when the file's first message has no `From ` line.
    case messageBegin(MboxEnvelope?)
    /// The next bytes of the message, un-escaped.
    case messageBytes(ByteBuffer)
    /// The message ended.
    case messageEnd
}
