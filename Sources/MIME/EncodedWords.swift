/// Decoding of RFC 2047 encoded-words (`=?charset?B|Q?text?=`) in header text.
///
/// Adjacent encoded-words separated only by whitespace are joined without it (RFC 2047 6.2), and
/// the bytes of adjacent words in one charset are decoded together, so a character split between
/// two words survives. Lenient as real mail needs: words glued to other text, spaces inside Q
/// text, missing base64 padding, an RFC 2231 language suffix (`utf-8*en`), unknown charsets
/// (read as UTF-8, else Windows-1252).
public enum EncodedWords {
    /// The result of decoding.
    public struct Result: Sendable {
        /// The decoded text.
        public var text: String
        /// Number of encoded-words that were malformed (bad base64 or Q, unknown charset, invalid bytes).
        public var malformed: Int
    }

    /// Decodes every encoded-word in `text`.
    public static func decode(_ text: String) -> Result {
        var text = text
        let utf8Contains = text.utf8.withContiguousStorageIfAvailable { Self.containsMarker($0) } ?? true
        guard utf8Contains else { return Result(text: text, malformed: 0) }
        return text.withUTF8 { decode(bytes: $0) }
    }

    private static func containsMarker(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard bytes.count >= 2 else { return false }
        for index in 0..<(bytes.count - 1) where bytes[index] == ASCII.equals && bytes[index + 1] == ASCII.question {
            return true
        }
        return false
    }

    private struct Word {
        var charset: String
        var isBase64: Bool
        var text: Range<Int>
        var end: Int
    }

    private static func decode(bytes: UnsafeBufferPointer<UInt8>) -> Result {
        var out = [UInt8]()
        out.reserveCapacity(bytes.count)
        var malformed = 0
        var index = 0
        let count = bytes.count
        var lastWasWord = false
        var pendingSpace: Range<Int>?
        var runCharset: String?
        var runBytes: [UInt8] = []
        var nextClose = -1  // cached position of the first "?=" at or after some point; count when none

        func flushRun() {
            guard let charset = runCharset else { return }
            let decoded = Charset(label: charset).decode(runBytes)
            if decoded.replaced > 0 || decoded.unknownLabel { malformed += 1 }
            out.append(contentsOf: decoded.text.utf8)
            runCharset = nil
            runBytes.removeAll(keepingCapacity: true)
        }

        func findClose(from start: Int) -> Int {
            if nextClose >= start { return nextClose }
            var position = start
            while position + 1 < count {
                if bytes[position] == ASCII.question && bytes[position + 1] == ASCII.equals {
                    nextClose = position
                    return position
                }
                position += 1
            }
            nextClose = count
            return count
        }

        func parseWord(at start: Int) -> Word? {
            // "=?" charset "?" encoding "?" text "?="
            var position = start + 2
            let charsetStart = position
            while position < count, position - charsetStart < 80, bytes[position] != ASCII.question,
                  bytes[position] > 32, bytes[position] < 127 {
                position += 1
            }
            guard position < count, bytes[position] == ASCII.question, position > charsetStart else { return nil }
            let charset = String(decoding: UnsafeBufferPointer(rebasing: bytes[charsetStart..<position]), as: UTF8.self)
            position += 1
            guard position + 1 < count, bytes[position + 1] == ASCII.question else { return nil }
            let encoding = ASCII.lower(bytes[position])
            guard encoding == UInt8(ascii: "b") || encoding == UInt8(ascii: "q") else { return nil }
            let textStart = position + 2
            let close = findClose(from: textStart)
            guard close < count else { return nil }
            return Word(charset: charset, isBase64: encoding == UInt8(ascii: "b"), text: textStart..<close, end: close + 2)
        }

        while index < count {
            let byte = bytes[index]
            if byte == ASCII.equals, index + 1 < count, bytes[index + 1] == ASCII.question, let word = parseWord(at: index) {
                let slice = UnsafeBufferPointer(rebasing: bytes[word.text])
                let decoded = word.isBase64 ? Base64Decoder.decode(slice) : QuotedPrintableDecoder.decode(slice, underscoreIsSpace: true)
                if decoded.invalid > 0 { malformed += 1 }
                if !lastWasWord, let space = pendingSpace {
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[space]))
                }
                pendingSpace = nil
                let label = Charset(label: word.charset).description
                if runCharset != label { flushRun() }
                runCharset = label
                runBytes.append(contentsOf: decoded.bytes)
                index = word.end
                lastWasWord = true
                continue
            }
            if ASCII.isSpaceOrBreak(byte) {
                var end = index
                while end < count, ASCII.isSpaceOrBreak(bytes[end]) { end += 1 }
                if lastWasWord {
                    pendingSpace = index..<end
                } else {
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<end]))
                }
                index = end
                continue
            }
            flushRun()
            if let space = pendingSpace {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[space]))
                pendingSpace = nil
            }
            lastWasWord = false
            out.append(byte)
            index += 1
        }
        flushRun()
        if let space = pendingSpace { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[space])) }
        return Result(text: String(decoding: out, as: UTF8.self), malformed: malformed)
    }
}
