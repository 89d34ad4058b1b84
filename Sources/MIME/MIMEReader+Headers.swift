import Glibc
import NIOCore

/// Reading header blocks (RFC 5322 2.2, 3.5).
extension MIMEReader {
    /// Reads header lines; true when the header block ended, false when more input is needed.
    mutating func readHeaderLines() -> Bool {
        while true {
            let available = input.readableBytes
            if skippingHeaderLine {
                guard let lineFeed = findLineFeed() else {
                    consume(available)
                    return false
                }
                consume(lineFeed + 1)
                skippingHeaderLine = false
                continue
            }
            let lineFeed = findLineFeed()
            let length: Int
            if let lineFeed {
                length = lineFeed + 1
            } else if finished {
                guard available > 0 else {
                    endHeaders()
                    return true
                }
                length = available
            } else {
                if available > options.maxHeaderBytes {
                    warn(.headerTooLarge, at: pending.path)
                    consume(available)
                    skippingHeaderLine = true
                }
                return false
            }
            switch headerLine(length: length) {
            case .ended: return true
            case .needMore: return false
            case .next: continue
            }
        }
    }

    /// What one header line did.
    private enum LineOutcome {
        /// The header block ended.
        case ended
        /// The line was taken; read the next.
        case next
        /// The line cannot be judged before more input comes.
        case needMore
    }

    /// Handles one complete header line of `length` bytes at the start of the input.
    private mutating func headerLine(length: Int) -> LineOutcome {
        let buffer = input
        enum Verdict {
            case blank
            case needMore
            case delimiter
            case line(HeaderBlockBuilder.LineKind)
        }
        var builder = headerBuilder
        headerBuilder = HeaderBlockBuilder(limit: 0)  // keep the builder's storage unique while appending
        let verdict: Verdict = buffer.withUnsafeReadableBytes { raw in
            let line = UnsafeRawBufferPointer(rebasing: raw[0..<length])
            if line[0] == ASCII.lf || (line.count >= 2 && line[0] == ASCII.cr && line[1] == ASCII.lf) {
                return .blank
            }
            // A line of only whitespace is folding when a field follows it, else the blank line
            // that real mailers meant (GMime reads it so too).
            if line.allSatisfy({ ASCII.isSpaceOrBreak($0) }) {
                let rest = UnsafeRawBufferPointer(rebasing: raw[length...])
                guard let next = MIMEReader.nextLineStartsField(rest, finished: finished) else { return .needMore }
                if !next { return .blank }
            }
            if !frames.isEmpty, line.count >= 2, line[0] == ASCII.hyphen, line[1] == ASCII.hyphen,
               matchDelimiter(line) != nil {
                return .delimiter
            }
            return .line(builder.append(line: line))
        }
        headerBuilder = builder
        switch verdict {
        case .blank:
            consume(length)
            endHeaders()
            return .ended
        case .needMore:
            return .needMore
        case .delimiter:
            endHeaders()
            return .ended
        case .line(let kind):
            switch kind {
            case .field, .envelope:
                consume(length)
            case .continuation:
                consume(length)
                if headerBuilder.isEmpty { warn(.malformedHeaderLine, at: pending.path, "continuation before any field") }
            case .overLimit:
                consume(length)
                if headerBuilder.overflowed && !reportedHeaderOverflow {
                    warn(.headerTooLarge, at: pending.path)
                    reportedHeaderOverflow = true
                }
            case .notAField:
                if !(headerBuilder.isEmpty && pending.isMessageRoot && pending.depth == 0 && consumed == 0) {
                    warn(.missingHeaderBodySeparator, at: pending.path)
                } else {
                    warn(.missingHeaderBodySeparator, at: .root, "no header at all")
                }
                endHeaders()
                return .ended
            }
            return .next
        }
    }

    /// Whether the line at the start of `rest` is a header field whose name starts with a letter;
    /// nil when that cannot be known yet.
    static func nextLineStartsField(_ rest: UnsafeRawBufferPointer, finished: Bool) -> Bool? {
        var index = 0
        while index < rest.count {
            let byte = rest[index]
            if byte == ASCII.colon { return index > 0 && (rest[0] | 0x20) >= 97 && (rest[0] | 0x20) <= 122 }
            if byte <= 32 || byte >= 127 { return false }
            index += 1
        }
        return finished || index > 256 ? false : nil
    }

    /// The offset of the first LF in the unread input.
    func findLineFeed(from offset: Int = 0) -> Int? {
        input.withUnsafeReadableBytes { raw in
            guard raw.count > offset, let base = raw.baseAddress else { return nil }
            guard let found = memchr(base + offset, Int32(ASCII.lf), raw.count - offset) else { return nil }
            return UnsafeRawPointer(found) - base
        }
    }

    /// Whether a line (without or with its break) is a boundary delimiter of an open multipart:
    /// the innermost matching frame and whether it closes (RFC 2046 5.1.1). A multipart that is
    /// already closed yields to an enclosing one with the same boundary (nested multiparts that
    /// reuse their parent's boundary).
    func matchDelimiter(_ line: UnsafeRawBufferPointer) -> (frame: Int, isClose: Bool)? {
        var end = line.count
        while end > 0, ASCII.isSpaceOrBreak(line[end - 1]) { end -= 1 }
        var closedMatch: (frame: Int, isClose: Bool)?
        var frameIndex = frames.count - 1
        while frameIndex >= 0 {
            let delimiter = frames[frameIndex].delimiter
            if end >= delimiter.count, delimiter.withUnsafeBytes({ memcmp($0.baseAddress!, line.baseAddress!, delimiter.count) == 0 }) {
                let rest = end - delimiter.count
                var match: (frame: Int, isClose: Bool)?
                if rest == 0 {
                    match = (frameIndex, false)
                } else if rest == 2, line[delimiter.count] == ASCII.hyphen, line[delimiter.count + 1] == ASCII.hyphen {
                    match = (frameIndex, true)
                }
                if let match {
                    if !frames[frameIndex].closed { return match }
                    if closedMatch == nil { closedMatch = match }
                }
            }
            frameIndex -= 1
        }
        return closedMatch
    }
}
