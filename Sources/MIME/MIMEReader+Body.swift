import Glibc
import NIOCore

/// Reading bodies: finding boundary delimiters in a stream, and delivering content.
extension MIMEReader {
    /// What a scan of the unread input found.
    enum ScanOutcome {
        /// Bytes before `contentEnd` are content; the rest waits for more input.
        case needMore(contentEnd: Int, atLineStart: Bool)
        /// Content before `contentEnd`, then the line break and a delimiter line ending at `lineEnd`.
        case delimiter(contentEnd: Int, lineEnd: Int, frame: Int, isClose: Bool)
    }

    /// Reads body bytes; true when a delimiter changed the state, false when more input is needed.
    mutating func readBody() -> Bool {
        let available = input.readableBytes
        if frames.isEmpty {
            guard available > 0 else { return false }
            let slice = input.getSlice(at: input.readerIndex, length: available)!
            consume(available)
            sinkContent(slice)
            return false
        }
        let outcome = input.withUnsafeReadableBytes { scanBody($0) }
        switch outcome {
        case .needMore(let contentEnd, let lineStart):
            if contentEnd > 0 {
                let slice = input.getSlice(at: input.readerIndex, length: contentEnd)!
                consume(contentEnd)
                sinkContent(slice)
            }
            atLineStart = lineStart
            return false
        case .delimiter(let contentEnd, let lineEnd, let frame, let isClose):
            if contentEnd > 0 {
                let slice = input.getSlice(at: input.readerIndex, length: contentEnd)!
                consume(contentEnd)
                sinkContent(slice)
            }
            let endOffset = consumed
            consume(lineEnd - contentEnd)
            delimiter(frame: frame, isClose: isClose, endOffset: endOffset)
            return true
        }
    }

    /// Longest line that is still examined as a possible delimiter.
    var maxDelimiterLine: Int {
        var longest = 0
        for frame in frames where frame.delimiter.count > longest { longest = frame.delimiter.count }
        return longest + 2 + 256
    }

    /// Scans for the first delimiter line. The line break before a delimiter belongs to the
    /// delimiter (RFC 2046 5.1.1), so a trailing line break is held back until the next line is known.
    func scanBody(_ bytes: UnsafeRawBufferPointer) -> ScanOutcome {
        let count = bytes.count
        guard count > 0, let base = bytes.baseAddress else {
            return .needMore(contentEnd: 0, atLineStart: atLineStart)
        }
        func lineFeed(from offset: Int) -> Int? {
            guard offset < count, let found = memchr(base + offset, Int32(ASCII.lf), count - offset) else { return nil }
            return UnsafeRawPointer(found) - UnsafeRawPointer(base)
        }
        /// Everything from `lineStart` on is inside a line that is not a delimiter.
        func restIsContent(_ lineStart: Int) -> ScanOutcome {
            if finished { return .needMore(contentEnd: count, atLineStart: false) }
            // A final CR may be the first half of the line break before a delimiter.
            let end = bytes[count - 1] == ASCII.cr ? count - 1 : count
            return .needMore(contentEnd: end, atLineStart: false)
        }
        var breakStart: Int
        var lineStart: Int
        if atLineStart {
            breakStart = 0
            lineStart = 0
        } else {
            guard let first = lineFeed(from: 0) else { return restIsContent(0) }
            breakStart = first > 0 && bytes[first - 1] == ASCII.cr ? first - 1 : first
            lineStart = first + 1
        }
        let longest = maxDelimiterLine
        while true {
            if lineStart >= count {
                if finished { return .needMore(contentEnd: count, atLineStart: breakStart == lineStart) }
                return .needMore(contentEnd: breakStart, atLineStart: breakStart == lineStart)
            }
            var lineEnd: Int? = nil
            if bytes[lineStart] == ASCII.hyphen {
                if lineStart + 1 >= count {
                    if !finished { return .needMore(contentEnd: breakStart, atLineStart: breakStart == lineStart) }
                } else if bytes[lineStart + 1] == ASCII.hyphen {
                    lineEnd = lineFeed(from: lineStart)
                    let end = lineEnd ?? count
                    if lineEnd == nil && !finished && count - lineStart <= longest {
                        return .needMore(contentEnd: breakStart, atLineStart: breakStart == lineStart)
                    }
                    if end - lineStart <= longest,
                       let match = matchDelimiter(UnsafeRawBufferPointer(rebasing: bytes[lineStart..<end])) {
                        return .delimiter(contentEnd: breakStart, lineEnd: min(end + 1, count), frame: match.frame,
                                          isClose: match.isClose)
                    }
                    guard let found = lineEnd else { return restIsContent(lineStart) }
                    breakStart = found > lineStart && bytes[found - 1] == ASCII.cr ? found - 1 : found
                    lineStart = found + 1
                    continue
                }
            }
            guard let found = lineFeed(from: lineStart) else { return restIsContent(lineStart) }
            breakStart = found > lineStart && bytes[found - 1] == ASCII.cr ? found - 1 : found
            lineStart = found + 1
        }
    }

    /// Sends raw body bytes where they belong.
    mutating func sinkContent(_ slice: ByteBuffer) {
        switch sink {
        case .discard:
            break
        case .preamble:
            guard let last = frames.indices.last, frames[last].preamble.count < options.maxPartTextBytes else { return }
            let room = options.maxPartTextBytes - frames[last].preamble.count
            slice.withUnsafeReadableBytes { frames[last].preamble.append(contentsOf: $0.prefix(room)) }
        case .entity(var open):
            sink = .discard
            let decoded = open.decoder.decode(slice)
            deliver(decoded, to: &open)
            sink = .entity(open)
        }
    }

    /// Delivers decoded content of an open entity, within the decoded-size limit.
    mutating func deliver(_ decoded: ByteBuffer, to open: inout OpenEntity) {
        var bytes = decoded
        guard bytes.readableBytes > 0 else { return }
        let room = options.maxDecodedBytes - decodedBytes
        if bytes.readableBytes > room {
            if !reportedDecodedLimit {
                reportedDecodedLimit = true
                warn(.decodedSizeLimit, at: open.path, "\(options.maxDecodedBytes)")
            }
            guard room > 0 else { return }
            bytes = bytes.getSlice(at: bytes.readerIndex, length: room)!
        }
        decodedBytes += bytes.readableBytes
        if open.uu != nil {
            splitUU(bytes, in: &open)
            return
        }
        emit(.content(part: open.index, bytes))
        if open.isMessage, !nested.isEmpty {
            nested[0].feed(bytes)
            forwardNested(open)
        }
    }

    /// Passes on the events of the encapsulated message's reader, renumbered into this message.
    mutating func forwardNested(_ open: OpenEntity) {
        let base = open.index + 1
        while let event = nested[0].next() {
            switch event {
            case .partBegin(var part):
                part.index += base
                part.parentIndex = part.parentIndex.map { $0 + base } ?? open.index
                part.path = part.path.under(open.path)
                part.depth += open.depth + 1
                entityCount = max(entityCount, part.index + 1)
                emit(.partBegin(part))
            case .content(let index, let bytes):
                emit(.content(part: index + base, bytes))
            case .partEnd(var end):
                end.index += base
                end.path = end.path.under(open.path)
                emit(.partEnd(end))
            case .warning(let warning):
                warn(warning.kind, at: warning.path.under(open.path), warning.detail)
            }
        }
    }
}
