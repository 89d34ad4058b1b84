import Glibc
import NIOCore

/// A push-based, streaming mbox reader (RFC 4155): splits a byte stream into messages, each
/// reported as its envelope, its bytes in chunks (un-escaped per variant), and its end.
///
/// It recognises mboxo and mboxrd escaping (`>From `), Content-Length delimited messages
/// (mboxcl/mboxcl2: a `From ` line inside a message is kept when the message's Content-Length says
/// the message goes on), envelope lines without the blank line before them, and CRLF files. Only
/// lines that look like real envelope lines (`From sender Mon Jan  1 00:00:00 2024`) separate
/// messages. Memory holds one line and, for Content-Length checks, a bounded lookahead.
///
/// ```swift
/// var reader = MboxReader()
/// reader.feed(chunk)
/// while let event = reader.next() { ... }   // .messageBegin(envelope), .messageBytes(bytes), .messageEnd
/// ```
public struct MboxReader: Sendable {
    /// Choices and limits.
    public struct Options: Hashable, Sendable {
        /// How `>From ` lines are un-escaped. Default mboxrd (which reads mboxo files right except
        /// for bodies that already held `>From ` before escaping).
        public var variant: MboxVariant
        /// Whether Content-Length headers may keep a `From ` line inside a message. Default true.
        public var honourContentLength: Bool
        /// Most bytes looked ahead to check a Content-Length. Default 1 MiB.
        public var maxContentLengthLookahead: Int

        /// Creates options; every argument has its documented default.
        public init(variant: MboxVariant = .mboxrd, honourContentLength: Bool = true,
                    maxContentLengthLookahead: Int = 1 << 20) {
            self.variant = variant
            self.honourContentLength = honourContentLength
            self.maxContentLengthLookahead = maxContentLengthLookahead
        }
    }

    private enum State {
        /// Before the first message.
        case start
        case headers
        case body
    }

    private let options: Options
    private var input = ByteBuffer()
    private var consumed = 0
    private var finished = false
    private var queue: [MboxEvent] = []
    private var queueHead = 0
    private var state = State.start
    private var atLineStart = true
    /// A blank line held back: it is the separator if an envelope line follows.
    private var heldBlank: ByteBuffer?
    /// Where the held blank line ends (absolute offset).
    private var heldBlankEnd = 0
    private var contentLength: Int?
    /// Where the current message's body starts (absolute offset).
    private var bodyStart = 0
    /// Offset at which the current message ends by its Content-Length, once checked.
    private var lengthEnd: Int?
    /// Messages begun so far.
    public private(set) var messageCount = 0

    /// Longest line examined as a possible envelope, escape or header line.
    static let maxLine = 4096

    /// Creates a reader.
    public init(options: Options = Options()) {
        self.options = options
    }

    /// Adds the next chunk of the mbox.
    public mutating func feed(_ chunk: ByteBuffer) {
        guard chunk.readableBytes > 0, !finished else { return }
        input.appendInput(chunk)
        process()
    }

    /// Adds the next chunk of the mbox.
    public mutating func feed<Bytes: Sequence>(_ bytes: Bytes) where Bytes.Element == UInt8 {
        feed(ByteBuffer(bytes: bytes))
    }

    /// Marks the end of the mbox.
    public mutating func finish() {
        guard !finished else { return }
        finished = true
        process()
        if state != .start { queue.append(.messageEnd) }
        heldBlank = nil
        state = .start
    }

    /// The next event, or nil when the input so far has been fully reported.
    public mutating func next() -> MboxEvent? {
        guard queueHead < queue.count else { return nil }
        let event = queue[queueHead]
        queueHead += 1
        if queueHead == queue.count {
            queue.removeAll(keepingCapacity: true)
            queueHead = 0
        }
        return event
    }

    // MARK: - Reading

    private mutating func process() {
        let buffer = input
        let used = buffer.withUnsafeReadableBytes { scan($0, buffer: buffer) }
        input.moveReaderIndex(forwardBy: used)
        consumed += used
    }

    /// Reads lines from the buffer; returns how many bytes were used.
    private mutating func scan(_ bytes: UnsafeRawBufferPointer, buffer: ByteBuffer) -> Int {
        let count = bytes.count
        var position = 0
        var runStart = 0
        func lineFeed(from offset: Int) -> Int? {
            guard offset < count, let found = memchr(bytes.baseAddress! + offset, Int32(ASCII.lf), count - offset) else { return nil }
            return UnsafeRawPointer(found) - bytes.baseAddress!
        }
        func slice(_ start: Int, _ end: Int) -> ByteBuffer {
            buffer.getSlice(at: buffer.readerIndex + start, length: end - start)!
        }
        func flushRun(upTo end: Int) {
            if end > runStart, state != .start { queue.append(.messageBytes(slice(runStart, end))) }
            runStart = end
        }
        while position < count {
            if !atLineStart {
                // Inside a long line: it is content.
                guard let found = lineFeed(from: position) else {
                    position = count
                    break
                }
                position = found + 1
                atLineStart = true
                continue
            }
            let lineEnd: Int
            if let found = lineFeed(from: position) {
                lineEnd = found + 1
            } else if finished {
                lineEnd = count
            } else if count - position > MboxReader.maxLine {
                atLineStart = false
                releaseHeldBlank()
                continue
            } else {
                break
            }
            let line = UnsafeRawBufferPointer(rebasing: bytes[position..<lineEnd])
            let isBlank = line[0] == ASCII.lf || (line.count >= 2 && line[0] == ASCII.cr && line[1] == ASCII.lf)
                || (line.count == 1 && line[0] == ASCII.cr)
            if isBlank {
                switch state {
                case .start:
                    runStart = lineEnd
                case .headers, .body:
                    // Held back: it is the separator if an envelope line follows (even after a
                    // header with no body), else content (the header's end, or a blank body line).
                    flushRun(upTo: position)
                    releaseHeldBlank()
                    heldBlank = slice(position, lineEnd)
                    heldBlankEnd = consumed + lineEnd
                    runStart = lineEnd
                }
                position = lineEnd
                continue
            }
            if line[0] == 0x46, let envelope = MboxEnvelopeLine.parse(line) {
                if state != .start, options.honourContentLength, let length = contentLength, state == .body {
                    switch lengthVerdict(length, lineStart: position, bytes: bytes) {
                    case .needMore:
                        flushRun(upTo: position)
                        return position
                    case .keepInMessage:
                        releaseHeldBlank()
                        position = lineEnd
                        continue
                    case .separator:
                        break
                    }
                }
                flushRun(upTo: position)
                if state != .start { queue.append(.messageEnd) }
                heldBlank = nil
                queue.append(.messageBegin(envelope))
                messageCount += 1
                state = .headers
                contentLength = nil
                lengthEnd = nil
                position = lineEnd
                runStart = lineEnd
                continue
            }
            if state == .start {
                // A first message without an envelope line.
                queue.append(.messageBegin(nil))
                messageCount += 1
                state = .headers
                runStart = position
            }
            releaseHeldBlank()
            if state == .headers, line[0] | 0x20 == UInt8(ascii: "c") { noteContentLength(line) }
            if line[0] == UInt8(ascii: ">"), MboxEnvelopeLine.escapeDepth(line, variant: options.variant) > 0 {
                flushRun(upTo: position)
                runStart = position + 1
            }
            position = lineEnd
        }
        flushRun(upTo: position)
        return position
    }

    /// A held blank line turned out to be content: send it before the bytes at `position`.
    private mutating func releaseHeldBlank() {
        guard let held = heldBlank else { return }
        heldBlank = nil
        queue.append(.messageBytes(held))
        if state == .headers {
            state = .body
            bodyStart = heldBlankEnd
        }
    }

    private mutating func noteContentLength(_ line: UnsafeRawBufferPointer) {
        let name = "content-length:"
        guard line.count > name.utf8.count, ASCII.equalsIgnoringCase(line.prefix(name.utf8.count), name.utf8) else { return }
        let value = ASCII.trimmed(Array(line.dropFirst(name.utf8.count))[...])
        if let length = Int(String(decoding: value, as: UTF8.self)), length >= 0 { contentLength = length }
    }

    private enum LengthVerdict {
        case needMore
        case keepInMessage
        case separator
    }

    /// Whether the message's Content-Length says that an envelope-like line at `lineStart` is inside
    /// the message: the length ends after it, exactly before an envelope line, blank lines, or the end.
    private mutating func lengthVerdict(_ length: Int, lineStart: Int, bytes: UnsafeRawBufferPointer) -> LengthVerdict {
        let end = bodyStart + length
        let lineOffset = consumed + lineStart
        if let lengthEnd { return lineOffset < lengthEnd ? .keepInMessage : .separator }
        guard end > lineOffset, end - lineOffset <= options.maxContentLengthLookahead else { return .separator }
        let endIndex = end - consumed
        // Need the bytes at the end plus a line to judge.
        let available = bytes.count
        guard endIndex <= available else { return finished ? .separator : .needMore }
        var index = endIndex
        while index < available, bytes[index] == ASCII.lf || bytes[index] == ASCII.cr { index += 1 }
        if index >= available {
            if finished { lengthEnd = end; return .keepInMessage }
            return index - endIndex > 4 ? .separator : .needMore
        }
        let lineFeed = memchr(bytes.baseAddress! + index, Int32(ASCII.lf), available - index)
        guard let lineFeed else { return finished ? .separator : (available - index > MboxReader.maxLine ? .separator : .needMore) }
        let nextEnd = UnsafeRawPointer(lineFeed) - bytes.baseAddress! + 1
        if MboxEnvelopeLine.parse(UnsafeRawBufferPointer(rebasing: bytes[index..<nextEnd])) != nil {
            lengthEnd = end
            return .keepInMessage
        }
        return .separator
    }
}
