import IMAPProtocol
import NIOCore

/// Reads response events off the transport: parses what is buffered, reads more when needed.
final class ResponseReader {
    private let transport: Transport
    private var parser: ResponseParser
    private var buffer = ByteBuffer()
    private let allocator = ByteBufferAllocator()
    /// The most received bytes held at once, not yet parsed or handed out.
    private(set) var peakBufferedBytes = 0

    init(transport: Transport, options: ResponseParserOptions) {
        self.transport = transport
        self.parser = ResponseParser(options: options)
    }

    /// The next event; a read that brings no bytes for `timeout` is a timeout error.
    func next(timeout: Duration) async throws -> ResponseEvent {
        while true {
            if let event = try parseBuffered() { return event }
            guard let bytes = try await transport.read(deadline: .now() + TimeAmount(timeout)) else {
                throw IMAPError(.timeout, "the server did not answer within \(timeout.seconds) seconds")
            }
            append(bytes)
        }
    }

    /// The next event, or nil when `deadline` passes first (no error: used while idling).
    func next(deadline: NIODeadline, cancellation: Transport.CancellationMode = .throw) async throws -> ResponseEvent? {
        while true {
            if let event = try parseBuffered() { return event }
            guard let bytes = try await transport.read(deadline: deadline, cancellation: cancellation) else { return nil }
            append(bytes)
        }
    }

    /// Bytes received but not yet parsed are handed to `body` (STARTTLS must find none; COMPRESS
    /// decompresses them).
    func withLeftover<T>(_ body: (inout ByteBuffer) throws -> T) rethrows -> T {
        try body(&buffer)
    }

    /// Whether the parser is between responses with nothing buffered.
    var isDrained: Bool { parser.isAtResponseBoundary && buffer.readableBytes == 0 }

    private func parseBuffered() throws -> ResponseEvent? {
        do {
            let event = try parser.next(buffer: &buffer)
            if case .fetch(.streamingBytes(let chunk))? = event, chunk.storageCapacity > 2 * chunk.readableBytes {
                return .fetch(.streamingBytes(owned(chunk)))
            }
            return event
        } catch let error as ResponseParseError {
            throw IMAPError(.protocol, error.description)
        } catch let error as ResponseLimitError {
            throw IMAPError(.protocol, error.description)
        }
    }

    /// A copy of a body chunk in storage of its own size. A slice keeps its whole read buffer alive (a 5 KB
    /// message can share a 256 KiB one), so a consumer queueing chunks would hold far more than their bytes.
    private func owned(_ chunk: ByteBuffer) -> ByteBuffer {
        var copy = allocator.buffer(capacity: chunk.readableBytes)
        copy.writeImmutableBuffer(chunk)
        return copy
    }

    private func append(_ bytes: ByteBuffer) {
        defer { peakBufferedBytes = max(peakBufferedBytes, buffer.readableBytes) }
        if buffer.readableBytes == 0 {
            buffer = bytes
            return
        }
        // Appended in place, the buffer grows geometrically, so a long line costs linear copying, not
        // a copy of everything held per read. A buffer still shared with body slices handed out is
        // copied first (ByteBuffer is copy-on-write); parsed bytes at the front are dropped once they
        // outweigh the unparsed ones.
        if buffer.readerIndex >= buffer.readableBytes { buffer.discardReadBytes() }
        buffer.writeImmutableBuffer(bytes)
    }
}

extension TimeAmount {
    /// The same length of time as a `Duration`.
    init(_ duration: Duration) {
        let (seconds, attoseconds) = duration.components
        self = .nanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
    }
}

extension Duration {
    /// Whole seconds, for messages.
    var seconds: Int64 { components.seconds }
}
