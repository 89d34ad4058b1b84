import MailModel
import NIOCore

/// Decodes one message, fed in chunks, into a ``DecodedMessage``: the engine's view of a message.
///
/// Memory stays bounded whatever the message's size: binary content is hashed and counted as it
/// passes, never kept; text is kept up to the limits of ``MIMEOptions``.
///
/// ```swift
/// var decoder = MessageDecoder()
/// for chunk in chunks { decoder.feed(chunk) }
/// let message = decoder.finish()
/// ```
public struct MessageDecoder: Sendable {
    private var reader: MIMEReader
    private var builder: MessageBuilder

    /// Creates a decoder for one message.
    public init(options: MIMEOptions = .default) {
        reader = MIMEReader(options: options)
        builder = MessageBuilder(options: options)
    }

    /// Adds the next chunk of the message.
    public mutating func feed(_ chunk: ByteBuffer) {
        reader.feed(chunk)
        drain()
    }

    /// Adds the next chunk of the message.
    public mutating func feed<Bytes: Sequence>(_ bytes: Bytes) where Bytes.Element == UInt8 {
        feed(ByteBuffer(bytes: bytes))
    }

    /// Ends the message and returns what was read.
    public mutating func finish() -> DecodedMessage {
        reader.finish()
        drain()
        return builder.build(size: reader.bytesRead)
    }

    /// Decodes a message held in memory.
    public static func decode<Bytes: Sequence>(_ bytes: Bytes, options: MIMEOptions = .default) -> DecodedMessage
    where Bytes.Element == UInt8 {
        var decoder = MessageDecoder(options: options)
        decoder.feed(bytes)
        return decoder.finish()
    }

    private mutating func drain() {
        while let event = reader.next() {
            builder.handle(event)
        }
    }
}
