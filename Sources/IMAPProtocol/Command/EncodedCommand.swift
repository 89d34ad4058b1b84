import NIOCore

/// A command ready to send: its bytes in chunks, where the client waits for the server's `+`
/// continuation request before each chunk after the first (synchronizing literals, RFC 3501 7.5).
public struct EncodedCommand: Sendable {
    /// The tag, or nil for an untagged line (`DONE`, a SASL response).
    public var tag: String?
    /// The bytes: `chunks[0]` is sent at once, every later chunk after a continuation request.
    public var chunks: [ByteBuffer]
    /// A description safe for logs: no credentials, no mailbox names, no search strings.
    public var redactedDescription: String

    /// Creates an encoded command.
    public init(tag: String?, chunks: [ByteBuffer], redactedDescription: String) {
        self.tag = tag
        self.chunks = chunks
        self.redactedDescription = redactedDescription
    }

    /// All bytes joined (for tests, and for servers that have been sent every continuation).
    public var joined: ByteBuffer {
        var result = ByteBuffer()
        for var chunk in chunks { result.writeBuffer(&chunk) }
        return result
    }
}
