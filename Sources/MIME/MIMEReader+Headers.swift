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
            if headerLine(length: length) { return true }
        }
    }

    /// Handles one complete header line of `length` bytes at the start of the input; true when the
    /// header block ended.
    private mutating func headerLine(length: Int) -> Bool {
        let buffer = input
        enum Verdict {
            case blank
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
            return true
        case .delimiter:
            endHeaders()
            return true
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
                return true
            }
            return false
        }
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
