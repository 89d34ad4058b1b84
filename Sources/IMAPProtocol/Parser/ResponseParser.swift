import MailModel
import NIOCore

/// The incremental IMAP response parser: feed it the bytes received so far, take events out.
///
/// ```swift
/// var parser = ResponseParser()
/// var buffer = ByteBuffer()            // append what the network delivers
/// while let event = try parser.next(buffer: &buffer) { handle(event) }
/// // nil: more bytes are needed; the unconsumed bytes stay in `buffer` for the next call
/// ```
///
/// It consumes exactly the bytes of the events it returns, keeps its place across calls (text is scanned
/// once, a literal's bytes are never scanned), and streams FETCH body literals as `streamingBegin` /
/// `streamingBytes` / `streamingEnd` without holding them. Limits come from ``ResponseParserOptions``.
///
/// - SeeAlso: RFC 3501 7 and 9, RFC 9051 7 and 9.
public struct ResponseParser: Sendable {
    private enum Mode: Sendable {
        /// At the start of a response; `classified` once it is known not to be a FETCH.
        case responseStart(classified: Bool)
        /// Inside `* n FETCH (`, between attributes.
        case fetchAttributes(count: Int)
        /// Inside a body literal with `remaining` bytes to go.
        case streaming(remaining: Int, count: Int)
    }

    /// The limits in force.
    public let options: ResponseParserOptions
    private var mode = Mode.responseStart(classified: false)
    private var scanner: FrameScanner
    private var attemptPending = false
    /// Whether the scanner has reported the end of the line the parser is in.
    private var lineEndScanned = false
    private var queued: [ResponseEvent] = []

    /// A parser with the given limits.
    public init(options: ResponseParserOptions = ResponseParserOptions()) {
        self.options = options
        self.scanner = FrameScanner(options: options)
    }

    /// Whether the parser is between responses (no partial response or literal in progress).
    public var isAtResponseBoundary: Bool {
        if case .responseStart = mode, queued.isEmpty, scanner.offset == 0 { return true }
        return false
    }

    /// The next event from the bytes in `buffer`, consuming them; nil when more bytes are needed.
    public mutating func next(buffer: inout ByteBuffer) throws -> ResponseEvent? {
        if !queued.isEmpty { return queued.removeFirst() }
        while true {
            if case .streaming(let remaining, let count) = mode {
                return streamBytes(remaining: remaining, count: count, buffer: &buffer)
            }
            if attemptPending {
                if let event = try attempt(buffer: &buffer) { return event }
            }
            guard let boundary = try scanner.scan(buffer) else { return nil }
            if boundary == .lineEnd { lineEndScanned = true }
            if case .responseStart(classified: true) = mode, boundary != .lineEnd {
                continue  // a literal inside a non-FETCH response: wait for the whole line
            }
            attemptPending = true
        }
    }

    // MARK: - Steps

    private mutating func streamBytes(remaining: Int, count: Int, buffer: inout ByteBuffer) -> ResponseEvent? {
        if remaining == 0 {
            mode = .fetchAttributes(count: count)
            scanner.reset()
            attemptPending = true
            return .fetch(.streamingEnd)
        }
        guard buffer.readableBytes > 0 else { return nil }
        let step = min(remaining, buffer.readableBytes)
        let slice = buffer.readSlice(length: step)!
        mode = .streaming(remaining: remaining - step, count: count)
        return .fetch(.streamingBytes(slice))
    }

    /// Tries to parse the next event from the bytes scanned so far; nil (and no attempt until the scanner
    /// finds the next boundary) when they are not enough.
    ///
    /// The attempt sees only the bytes the scanner has walked (up to its last boundary), so what comes out
    /// never depends on how the input was cut into chunks.
    private mutating func attempt(buffer: inout ByteBuffer) throws -> ResponseEvent? {
        let scanned = min(scanner.offset, buffer.readableBytes)
        var cursor = ParseCursor(buffer: buffer.getSlice(at: buffer.readerIndex, length: scanned)!, options: options)
        do {
            let event = try step(&cursor)
            let consumed = cursor.buffer.readerIndex
            buffer.moveReaderIndex(forwardBy: consumed)
            if case .streaming = mode {
                scanner.reset()
            } else {
                scanner.consumed(consumed)
            }
            return event
        } catch is IncompleteMessage {
            attemptPending = false
            return nil
        }
    }

    private mutating func step(_ cursor: inout ParseCursor) throws -> ResponseEvent? {
        switch mode {
        case .responseStart(let classified):
            if !classified, let number = try fetchStart(&cursor) {
                mode = .fetchAttributes(count: 0)
                return .fetch(.start(SequenceNumber(number)))
            }
            mode = .responseStart(classified: true)
            guard lineEndScanned else { throw IncompleteMessage() }
            let event: ResponseEvent
            switch try cursor.peek() {
            case UInt8(ascii: "*"): event = .untagged(try GrammarParser.untagged(&cursor))
            case UInt8(ascii: "+"): event = .continuation(try GrammarParser.continuation(&cursor))
            default: event = .tagged(try GrammarParser.tagged(&cursor))
            }
            mode = .responseStart(classified: false)
            lineEndScanned = false
            return event
        case .fetchAttributes(let count):
            return try fetchStep(&cursor, count: count)
        case .streaming:
            return nil
        }
    }

    // "*" SP nz-number SP "FETCH" SP "(" — nil when the response is something else.
    private func fetchStart(_ cursor: inout ParseCursor) throws -> UInt32? {
        var probe = cursor
        guard try probe.consume(UInt8(ascii: "*")), try probe.consume(0x20) else { return nil }
        try probe.skipSpaces()
        let first = try probe.peek()
        guard first >= 0x30 && first <= 0x39 else { return nil }
        let number = try probe.number32()
        guard try probe.consume(0x20) else { return nil }
        try probe.skipSpaces()
        guard try probe.consumeKeyword("FETCH") else { return nil }
        try probe.space()
        try probe.expect(UInt8(ascii: "("), "'(' opening the FETCH attribute list")
        cursor = probe
        return number
    }

    // msg-att = "(" (msg-att-dynamic / msg-att-static) *(SP (msg-att-dynamic / msg-att-static)) ")"
    private mutating func fetchStep(_ cursor: inout ParseCursor, count: Int) throws -> ResponseEvent {
        try cursor.skipSpaces()
        if try cursor.consume(UInt8(ascii: ")")) {
            try cursor.lineEnd()
            mode = .responseStart(classified: false)
            lineEndScanned = false
            return .fetch(.finish)
        }
        guard count < options.maxAttributeCount else {
            throw ResponseLimitError(limit: .attributeCount, actualCount: count + 1, maximumCount: options.maxAttributeCount)
        }
        switch try GrammarParser.fetchAttribute(&cursor) {
        case .attribute(let attribute):
            mode = .fetchAttributes(count: count + 1)
            return .fetch(.attribute(attribute))
        case .bodyLiteral(let kind, let size):
            mode = .streaming(remaining: size, count: count + 1)
            lineEndScanned = false
            return .fetch(.streamingBegin(kind, byteCount: size))
        case .bodyInline(let kind, let bytes):
            mode = .fetchAttributes(count: count + 1)
            if !bytes.isEmpty { queued.append(.fetch(.streamingBytes(ByteBuffer(bytes: bytes)))) }
            queued.append(.fetch(.streamingEnd))
            return .fetch(.streamingBegin(kind, byteCount: bytes.count))
        }
    }
}
