import Glibc
import NIOCore

/// Finds uuencoded blocks (`begin 644 name` ... `end`) inside plain text, streaming: the text goes
/// on unchanged, and each block's decoded bytes come out beside it.
///
/// A `begin` line counts only when a valid data line follows it, so prose that starts with
/// "begin 644" stays text.
struct UUSplitter {
    /// What the text turned out to hold, in order.
    enum Action {
        /// Bytes of the text (always all of them, in order).
        case text(ByteBuffer)
        /// A block begins; the text of its `begin` line follows.
        case blockBegin(filename: String)
        /// Decoded bytes of the block.
        case blockData(ByteBuffer)
        /// The block ended (after the text of its `end` line); damaged when it ended without `end`.
        case blockEnd(damaged: Bool)
    }

    private enum State {
        case text
        case candidate(filename: String, line: ByteBuffer)
        case block
    }

    private var state = State.text
    private var pending = ByteBuffer()
    private var atLineStart = true

    /// Longest line examined.
    static let maxLine = 1024

    /// Adds decoded text.
    mutating func feed(_ chunk: ByteBuffer, into actions: inout [Action]) {
        if case .text = state, pending.readableBytes == 0, let lineStart = plainText(chunk) {
            actions.append(.text(chunk))
            atLineStart = lineStart
            return
        }
        var buffer = chunk
        if pending.readableBytes > 0 {
            var merged = pending
            merged.writeImmutableBuffer(chunk)
            buffer = merged
            pending = ByteBuffer()
        }
        var ordered: [Action] = []
        var runStart = 0
        var dataRun = ByteBuffer()
        func slice(_ range: Range<Int>) -> ByteBuffer {
            buffer.getSlice(at: buffer.readerIndex + range.lowerBound, length: range.count)!
        }
        let consumedUpTo: Int = buffer.withUnsafeReadableBytes { raw in
            let count = raw.count
            func lineFeed(from offset: Int) -> Int? {
                guard offset < count, let found = memchr(raw.baseAddress! + offset, Int32(ASCII.lf), count - offset) else { return nil }
                return UnsafeRawPointer(found) - raw.baseAddress!
            }
            func lineText(_ start: Int, _ lf: Int) -> UnsafeRawBufferPointer {
                var end = lf
                if end > start, raw[end - 1] == ASCII.cr { end -= 1 }
                return UnsafeRawBufferPointer(rebasing: raw[start..<end])
            }
            func flushText(_ end: Int) {
                if end > runStart { ordered.append(.text(slice(runStart..<end))) }
                runStart = end
            }
            func flushData() {
                if dataRun.readableBytes > 0 { ordered.append(.blockData(dataRun)) }
                dataRun = ByteBuffer()
            }
            var position = 0
            while position < count {
                switch state {
                case .text:
                    if !atLineStart {
                        guard let found = lineFeed(from: position) else {
                            position = count
                            continue
                        }
                        position = found + 1
                        atLineStart = true
                        continue
                    }
                    guard raw[position] == UInt8(ascii: "b") else {
                        atLineStart = false
                        continue
                    }
                    guard let found = lineFeed(from: position) else {
                        if count - position > UUSplitter.maxLine {
                            atLineStart = false
                            continue
                        }
                        flushText(position)
                        return position
                    }
                    if let name = UUCodec.beginLine(lineText(position, found)) {
                        flushText(position)
                        state = .candidate(filename: name, line: slice(position..<(found + 1)))
                        runStart = found + 1
                    }
                    position = found + 1
                case .candidate(let name, let held):
                    guard let found = lineFeed(from: position) else {
                        if count - position > UUSplitter.maxLine {
                            ordered.append(.text(held))
                            state = .text
                            atLineStart = true
                            runStart = position
                            continue
                        }
                        return position
                    }
                    if let data = UUCodec.decodeLine(lineText(position, found)), !data.isEmpty {
                        ordered.append(.blockBegin(filename: name))
                        ordered.append(.text(held))
                        runStart = position
                        dataRun.writeBytes(data)
                        state = .block
                        position = found + 1
                    } else {
                        ordered.append(.text(held))
                        state = .text
                        atLineStart = true
                        runStart = position
                    }
                case .block:
                    guard let found = lineFeed(from: position) else {
                        if count - position > UUSplitter.maxLine {
                            flushText(position)
                            flushData()
                            ordered.append(.blockEnd(damaged: true))
                            state = .text
                            atLineStart = true
                            continue
                        }
                        flushText(position)
                        flushData()
                        return position
                    }
                    let line = lineText(position, found)
                    if line.elementsEqual("end".utf8) {
                        flushData()
                        flushText(found + 1)
                        ordered.append(.blockEnd(damaged: false))
                        state = .text
                        atLineStart = true
                        position = found + 1
                    } else if line.isEmpty || line.allSatisfy({ $0 == ASCII.space || $0 == ASCII.tab }) {
                        position = found + 1
                    } else if let data = UUCodec.decodeLine(line) {
                        dataRun.writeBytes(data)
                        position = found + 1
                    } else {
                        flushData()
                        flushText(position)
                        ordered.append(.blockEnd(damaged: true))
                        state = .text
                        atLineStart = true
                    }
                }
            }
            if case .text = state { flushText(count) }
            if case .block = state {
                flushData()
                flushText(count)
            }
            return max(runStart, count)
        }
        actions.append(contentsOf: ordered)
        if consumedUpTo < buffer.readableBytes {
            pending = buffer.getSlice(at: buffer.readerIndex + consumedUpTo, length: buffer.readableBytes - consumedUpTo)!
        }
    }

    /// Whether a chunk of text can hold no `begin` line, even one completed by the next chunk: if
    /// so, whether it ends at a line start. The common case, checked line by line with `memchr`.
    private func plainText(_ chunk: ByteBuffer) -> Bool? {
        chunk.withUnsafeReadableBytes { raw -> Bool? in
            let count = raw.count
            guard let base = raw.baseAddress, count > 0 else { return atLineStart }
            let begin = UUSplitter.begin
            func mayBeBegin(at index: Int) -> Bool {
                let length = min(begin.count, count - index)
                for offset in 0..<length where raw[index + offset] != begin[offset] { return false }
                return true
            }
            if atLineStart, mayBeBegin(at: 0) { return nil }
            var position = 0
            while position < count, let found = memchr(base + position, Int32(ASCII.lf), count - position) {
                let next = UnsafeRawPointer(found) - base + 1
                if next < count, mayBeBegin(at: next) { return nil }
                position = next
            }
            return raw[count - 1] == ASCII.lf
        }
    }

    private static let begin: [UInt8] = Array("begin ".utf8)

    /// Ends the text: a held `begin` line is text, an open block ends damaged.
    mutating func finish(into actions: inout [Action]) {
        switch state {
        case .text:
            if pending.readableBytes > 0 { actions.append(.text(pending)) }
        case .candidate(_, let held):
            actions.append(.text(held))
            if pending.readableBytes > 0 { actions.append(.text(pending)) }
        case .block:
            var damaged = true
            if pending.readableBytes > 0 {
                let last = pending.withUnsafeReadableBytes { Array($0) }
                var line = last[...]
                while let end = line.last, end == ASCII.cr || end == ASCII.space { line = line.dropLast() }
                if line.elementsEqual("end".utf8) {
                    damaged = false
                } else if let data = UUCodec.decodeLine(line), !data.isEmpty {
                    actions.append(.blockData(ByteBuffer(bytes: data)))
                }
                actions.append(.text(pending))
            }
            actions.append(.blockEnd(damaged: damaged))
        }
        pending = ByteBuffer()
        state = .text
    }
}
