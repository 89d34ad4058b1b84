import NIOCore

/// Walks response bytes once, remembering where it stopped, and reports the points where a parse attempt
/// can succeed: the end of a line, or the end of a literal header `{n}CRLF` (before the literal's bytes).
/// Literal bytes it walks past are counted, never inspected, and the text between literals is bounded
/// by ``ResponseParserOptions/maxLineLength``; everything it walked that the parser has not consumed yet
/// (text and inline literals) by ``ResponseParserOptions/maxResponseSize``.
struct FrameScanner {
    /// A point where a parse attempt may succeed.
    enum Boundary: Equatable {
        /// A CRLF (or LF) outside literals.
        case lineEnd
        /// A literal header's CRLF; `size` bytes of literal follow.
        case literalHeader(size: Int)
    }

    private enum State: Equatable {
        case text
        case literalDigits(Int, digitCount: Int)
        case literalPlus(Int)    // after `{n+` or `{n-`, waiting for '}'
        case literalClose(Int)   // after '}' waiting for CR or LF
        case literalCR(Int)      // after '}' CR waiting for LF
        case pending(Int)        // a literal header was reported; its bytes come next
        case skipping(Int)       // inside a literal that is being kept in memory
    }

    /// How many bytes after the reader index have been scanned.
    private(set) var offset = 0
    private var state = State.text
    private var textSinceBoundary = 0
    private let options: ResponseParserOptions

    init(options: ResponseParserOptions) {
        self.options = options
    }

    /// Forgets everything: the next scan starts at the reader index, outside any literal.
    mutating func reset() {
        offset = 0
        state = .text
        textSinceBoundary = 0
    }

    /// The parser consumed `count` bytes from the front of the buffer.
    mutating func consumed(_ count: Int) {
        if count >= offset {
            reset()
        } else {
            offset -= count
        }
    }

    /// Scans on from where the last call stopped; nil when the bytes ran out before a boundary.
    mutating func scan(_ buffer: ByteBuffer) throws -> Boundary? {
        let view = buffer.readableBytesView
        var index = view.startIndex + offset
        defer { offset = index - view.startIndex }
        while index < view.endIndex {
            switch state {
            case .pending(let size):
                // The parser did not stream this literal, so it is a string to keep in memory.
                guard size <= options.maxInlineLiteralSize else {
                    throw ResponseLimitError(limit: .inlineLiteralSize, actualCount: size,
                                             maximumCount: options.maxInlineLiteralSize)
                }
                let held = index - view.startIndex + size
                guard held <= options.maxResponseSize else {
                    throw ResponseLimitError(limit: .responseSize, actualCount: held, maximumCount: options.maxResponseSize)
                }
                state = size == 0 ? .text : .skipping(size)
                continue
            case .skipping(let remaining):
                let step = min(remaining, view.endIndex - index)
                index += step
                state = remaining == step ? .text : .skipping(remaining - step)
                continue
            default:
                break
            }
            let byte = view[index]
            index += 1
            switch state {
            case .text:
                if byte == 10 {
                    textSinceBoundary = 0
                    return .lineEnd
                }
                if byte == UInt8(ascii: "{") { state = .literalDigits(0, digitCount: 0) }
            case .literalDigits(let value, let count):
                // At most 18 digits, so the size cannot overflow an Int (19 nines do); a longer
                // run of digits is no literal, as before.
                if byte >= 0x30 && byte <= 0x39 && count < 18 {
                    state = .literalDigits(value * 10 + Int(byte - 0x30), digitCount: count + 1)
                } else if byte == UInt8(ascii: "}") && count > 0 {
                    state = .literalClose(value)
                } else if (byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-")) && count > 0 {
                    state = .literalPlus(value)
                } else if let boundary = notALiteral(byte) {
                    return boundary
                }
            case .literalPlus(let value):
                if byte == UInt8(ascii: "}") {
                    state = .literalClose(value)
                } else if let boundary = notALiteral(byte) {
                    return boundary
                }
            case .literalClose(let size):
                if byte == 13 {
                    state = .literalCR(size)
                } else if byte == 10 {
                    return literal(size)
                } else {
                    state = byte == UInt8(ascii: "{") ? .literalDigits(0, digitCount: 0) : .text
                }
            case .literalCR(let size):
                if byte == 10 { return literal(size) }
                state = .text
            case .skipping, .pending:
                break
            }
            textSinceBoundary += 1
            if textSinceBoundary > options.maxLineLength {
                throw ResponseLimitError(limit: .lineLength, actualCount: textSinceBoundary,
                                         maximumCount: options.maxLineLength)
            }
            if index - view.startIndex > options.maxResponseSize {
                throw ResponseLimitError(limit: .responseSize, actualCount: index - view.startIndex,
                                         maximumCount: options.maxResponseSize)
            }
        }
        return nil
    }

    /// What looked like a literal header is text after all: back to text (or to a new header at `{`);
    /// a line end here is a boundary.
    private mutating func notALiteral(_ byte: UInt8) -> Boundary? {
        if byte == 10 {
            state = .text
            textSinceBoundary = 0
            return .lineEnd
        }
        state = byte == UInt8(ascii: "{") ? .literalDigits(0, digitCount: 0) : .text
        return nil
    }

    /// A literal header ended: the next scan skips its bytes, which must then fit in memory.
    private mutating func literal(_ size: Int) -> Boundary {
        textSinceBoundary = 0
        state = .pending(size)
        return .literalHeader(size: size)
    }
}
