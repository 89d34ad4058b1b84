import MailStore
import NIOCore

/// One message on its way into the archive: where it was seen, and its bytes, appended in chunks
/// as they arrive (from a file, an mbox, or an IMAP FETCH). Made by
/// ``IngestPipeline/newMessage(sighting:label:expectedSize:)`` and handed back with
/// ``IngestPipeline/submit(_:)``; not to be touched after that.
///
/// ```swift
/// let message = pipeline.newMessage(sighting: seen, label: path)
/// try message.append(chunk)      // as many times as needed
/// try pipeline.submit(message)   // waits while the pipeline is full
/// ```
public final class IncomingMessage: @unchecked Sendable {
    // Safe: filled by one thread, then handed to the pipeline, which passes it from stage to
    // stage through queues; the caller does not touch it after submitting it.
    /// Where the message was seen.
    public let sighting: Sighting
    /// What the caller calls it (a file path, `mbox:offset`, a UID), for reports.
    public let label: String
    let spool: MessageSpool

    init(sighting: Sighting, label: String, spool: MessageSpool) {
        self.sighting = sighting
        self.label = label
        self.spool = spool
    }

    /// Appends the next bytes of the message.
    public func append(_ bytes: UnsafeRawBufferPointer) throws {
        try spool.append(bytes)
    }

    /// Appends the next bytes of the message.
    public func append(_ buffer: ByteBuffer) throws {
        try buffer.withUnsafeReadableBytes { try spool.append($0) }
    }

    /// Appends the next bytes of the message.
    public func append(_ bytes: [UInt8]) throws {
        try bytes.withUnsafeBytes { try spool.append($0) }
    }

    /// The number of bytes appended so far.
    public var byteCount: Int { spool.count }
}
