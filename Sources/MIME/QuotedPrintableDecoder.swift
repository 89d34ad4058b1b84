import NIOCore

/// A streaming quoted-printable decoder (RFC 2045 6.7): the same output whatever the chunk
/// boundaries.
///
/// `=XX` becomes the byte (either case of hex), `=` before a line break (after optional transport
/// whitespace) is a soft line break, and an `=` that starts neither is kept as it is and counted.
public struct QuotedPrintableDecoder: Sendable {
    private enum State: Sendable {
        case text
        case equals
        case equalsHex(UInt8)
        case equalsCR
        /// `=` then whitespace: a soft break if a line break follows.
        case equalsSpace(Int)
    }

    private var state = State.text
    private var spaces: [UInt8] = []
    /// Number of malformed escapes kept literally so far.
    public private(set) var invalidCount = 0

    /// Longest run of whitespace after `=` that can still be a soft line break.
    static let maxSoftBreakPadding = 80

    /// Creates a decoder.
    public init() {}

    /// Decodes the next chunk, appending the bytes to `output`.
    public mutating func decode(_ input: UnsafeRawBufferPointer, into output: inout ByteBuffer) {
        guard input.count > 0 else { return }
        output.writeWithUnsafeMutableBytes(minimumWritableBytes: input.count + spaces.count + 3) { out in
            decode(input, to: out)
        }
    }

    private mutating func decode(_ input: UnsafeRawBufferPointer, to out: UnsafeMutableRawBufferPointer) -> Int {
        var written = 0
        var index = 0
        let end = input.count
        @inline(__always) func put(_ byte: UInt8) {
            out[written] = byte
            written += 1
        }
        while index < end {
            let byte = input[index]
            switch state {
            case .text:
                // Copy a run up to the next '='.
                var run = index
                while run < end, input[run] != ASCII.equals { run += 1 }
                if run > index {
                    (out.baseAddress! + written).copyMemory(from: input.baseAddress! + index, byteCount: run - index)
                    written += run - index
                    index = run
                }
                if index < end {
                    state = .equals
                    index += 1
                }
                continue
            case .equals:
                if ASCII.hexValue(byte) != nil {
                    state = .equalsHex(byte)
                } else if byte == ASCII.lf {
                    state = .text
                } else if byte == ASCII.cr {
                    state = .equalsCR
                } else if ASCII.isWhitespace(byte) {
                    spaces = [byte]
                    state = .equalsSpace(1)
                } else {
                    invalidCount += 1
                    put(ASCII.equals)
                    state = .text
                    continue  // reprocess this byte as text
                }
            case .equalsHex(let first):
                if let low = ASCII.hexValue(byte), let high = ASCII.hexValue(first) {
                    put(high << 4 | low)
                    state = .text
                } else {
                    invalidCount += 1
                    put(ASCII.equals)
                    put(first)
                    state = .text
                    continue
                }
            case .equalsCR:
                state = .text
                if byte != ASCII.lf {
                    // "=\r" then something else: a soft break with a bare CR.
                    continue
                }
            case .equalsSpace(let count):
                if byte == ASCII.lf {
                    spaces.removeAll(keepingCapacity: true)
                    state = .text
                } else if byte == ASCII.cr {
                    spaces.removeAll(keepingCapacity: true)
                    state = .equalsCR
                } else if ASCII.isWhitespace(byte), count < QuotedPrintableDecoder.maxSoftBreakPadding {
                    spaces.append(byte)
                    state = .equalsSpace(count + 1)
                } else {
                    invalidCount += 1
                    put(ASCII.equals)
                    for space in spaces { put(space) }
                    spaces.removeAll(keepingCapacity: true)
                    state = .text
                    continue
                }
            }
            index += 1
        }
        return written
    }

    /// Ends the input: a dangling `=` or `=X` is kept literally; `=` and whitespace at the very end
    /// is a soft break.
    public mutating func finish(into output: inout ByteBuffer) {
        switch state {
        case .equals:
            invalidCount += 1
            output.writeInteger(ASCII.equals)
        case .equalsHex(let first):
            invalidCount += 1
            output.writeInteger(ASCII.equals)
            output.writeInteger(first)
        case .text, .equalsCR, .equalsSpace:
            break
        }
        spaces.removeAll()
        state = .text
    }

    /// Decodes a whole string at once; with `underscoreIsSpace`, `_` is a space (RFC 2047 4.2 Q).
    public static func decode<Bytes: Collection>(_ bytes: Bytes, underscoreIsSpace: Bool = false) -> (bytes: [UInt8], invalid: Int)
    where Bytes.Element == UInt8 {
        var input = Array(bytes)
        if underscoreIsSpace {
            for index in input.indices where input[index] == UInt8(ascii: "_") { input[index] = ASCII.space }
        }
        var decoder = QuotedPrintableDecoder()
        var output = ByteBuffer()
        input.withUnsafeBytes { decoder.decode($0, into: &output) }
        decoder.finish(into: &output)
        return (Array(output.readableBytesView), decoder.invalidCount)
    }
}
