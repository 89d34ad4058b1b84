import NIOCore

/// A push-based, streaming MIME reader: feed it a message's bytes in chunks of any size and read
/// ``MIMEEvent``s: each entity's header, its decoded content, its end (RFC 5322, RFC 2045-2049).
///
/// It never holds the whole message: only partial lines, one entity's header block and the
/// events of the last chunk. Malformed mail gives warnings, never errors: missing or wrong
/// boundaries, broken headers, bad encodings are repaired as the best readers do. Limits of
/// ``MIMEOptions`` bound time and memory on hostile input.
///
/// ```swift
/// var reader = MIMEReader()
/// for chunk in chunks {
///     reader.feed(chunk)
///     while let event = reader.next() { handle(event) }
/// }
/// reader.finish()
/// while let event = reader.next() { handle(event) }
/// ```
public struct MIMEReader: Sendable {
    let options: MIMEOptions
    /// Unread input; its reader index is the position `consumed` in the message.
    var input = ByteBuffer()
    /// Bytes of the message consumed so far.
    var consumed = 0
    var finished = false
    var queue: [MIMEEvent] = []
    var queueHead = 0

    enum Mode {
        case headers
        case body
        case done
    }

    var mode = Mode.headers
    /// The entity whose header is being read.
    var pending: PendingEntity
    var headerBuilder: HeaderBlockBuilder
    /// Inside an over-long header line, skipping to its end.
    var skippingHeaderLine = false
    /// Where body content goes.
    var sink = Sink.discard
    /// Open multiparts, innermost last.
    var frames: [Frame] = []
    /// Whether the unread input starts at the beginning of a line.
    var atLineStart = true
    var entityCount = 0
    var warningCount = 0
    var decodedBytes = 0
    var reportedDecodedLimit = false
    var reportedPartLimit = false
    var reportedHeaderOverflow = false
    /// The reader of an encapsulated message's content (zero or one).
    var nested: [MIMEReader] = []

    /// Creates a reader for one message.
    public init(options: MIMEOptions = .default) {
        self.options = options
        self.pending = PendingEntity(path: .root, depth: 0, parentIndex: nil, parentType: nil, isMessageRoot: true)
        self.headerBuilder = HeaderBlockBuilder(limit: options.maxHeaderBytes)
    }

    /// Adds the next chunk of the message and reads as far as it allows.
    public mutating func feed(_ chunk: ByteBuffer) {
        guard chunk.readableBytes > 0, !finished else { return }
        input.appendInput(chunk)
        process()
    }

    /// Adds the next chunk of the message.
    public mutating func feed<Bytes: Sequence>(_ bytes: Bytes) where Bytes.Element == UInt8 {
        feed(ByteBuffer(bytes: bytes))
    }

    /// Marks the end of the message: closes what is open, with warnings for what was left open.
    public mutating func finish() {
        guard !finished else { return }
        finished = true
        process()
        if mode == .headers { endHeaders() }
        if mode == .body { endSink() }
        closeFrames(downTo: 0, endOffset: consumed)
        mode = .done
    }

    /// The next event, or nil when the input so far has been fully reported.
    public mutating func next() -> MIMEEvent? {
        guard queueHead < queue.count else { return nil }
        let event = queue[queueHead]
        queueHead += 1
        if queueHead == queue.count {
            queue.removeAll(keepingCapacity: true)
            queueHead = 0
        }
        return event
    }

    /// Bytes of the message read so far.
    public var bytesRead: Int { consumed + input.readableBytes }

    // MARK: - Driving

    mutating func process() {
        while true {
            switch mode {
            case .headers:
                guard readHeaderLines() else { return }
            case .body:
                guard readBody() else { return }
            case .done:
                consume(input.readableBytes)
                return
            }
        }
    }

    /// Moves past `count` bytes of input.
    mutating func consume(_ count: Int) {
        input.moveReaderIndex(forwardBy: count)
        consumed += count
    }

    mutating func emit(_ event: MIMEEvent) {
        queue.append(event)
    }

    /// Records a warning, up to `maxWarnings`.
    mutating func warn(_ kind: MIMEWarning.Kind, at path: PartPath, _ detail: String = "") {
        warningCount += 1
        if warningCount < options.maxWarnings {
            emit(.warning(MIMEWarning(kind, at: path, detail)))
        } else if warningCount == options.maxWarnings {
            emit(.warning(MIMEWarning(.tooManyWarnings, at: .root)))
        }
    }
}
