import NIOCore

/// A streaming uudecoder for a body sent with `Content-Transfer-Encoding: x-uuencode`: the same
/// output whatever the chunk boundaries.
///
/// Lines before `begin` are skipped (when there is no `begin` line at all, every line is read as
/// data), decoding stops at `end`, and damaged lines are skipped and counted.
public struct UUDecoder: Sendable {
    private var line: [UInt8] = []
    private var sawBegin = false
    private var ended = false
    private var lineCount = 0
    /// Number of damaged lines skipped.
    public private(set) var invalidCount = 0

    /// Longest line kept; longer ones are damaged.
    static let maxLine = 1024

    /// Creates a decoder.
    public init() {}

    /// Decodes the next chunk, appending the bytes to `output`.
    public mutating func decode(_ input: UnsafeRawBufferPointer, into output: inout ByteBuffer) {
        for byte in input {
            if byte == ASCII.lf {
                processLine(into: &output)
                line.removeAll(keepingCapacity: true)
            } else if line.count <= UUDecoder.maxLine {
                line.append(byte)
            }
        }
    }

    /// Ends the input, decoding a last line without a line break.
    public mutating func finish(into output: inout ByteBuffer) {
        if !line.isEmpty { processLine(into: &output) }
        line.removeAll()
    }

    private mutating func processLine(into output: inout ByteBuffer) {
        guard !ended else { return }
        var end = line.count
        while end > 0, line[end - 1] == ASCII.cr { end -= 1 }
        let text = line[0..<end]
        lineCount += 1
        if UUCodec.beginLine(text) != nil {
            sawBegin = true
            return
        }
        if text.elementsEqual("end".utf8) {
            ended = true
            return
        }
        guard !text.isEmpty else { return }
        guard let decoded = UUCodec.decodeLine(text) else {
            if sawBegin { invalidCount += 1 }
            return
        }
        output.writeBytes(decoded)
    }
}

/// The uuencode line format: a length character, then groups of four characters for three bytes,
/// each character 32 + a 6-bit value (a backquote for zero).
enum UUCodec {
    /// The file name of a `begin MODE NAME` line, or nil when the line is not one.
    static func beginLine<Bytes: Collection>(_ line: Bytes) -> String? where Bytes.Element == UInt8, Bytes.Index == Int {
        let bytes = Array(line)
        guard bytes.count > 8, bytes.starts(with: "begin ".utf8) else { return nil }
        var index = 6
        let modeStart = index
        while index < bytes.count, (48...55).contains(bytes[index]) { index += 1 }
        guard (3...4).contains(index - modeStart), index < bytes.count, bytes[index] == ASCII.space else { return nil }
        let name = ASCII.trimmed(bytes[(index + 1)...])
        guard !name.isEmpty else { return nil }
        return HeaderText.decode8Bit(name, charset: Charset(label: nil))
    }

    /// Decodes one data line (without its line break); nil when it is not a valid uuencode line.
    static func decodeLine<Bytes: Collection>(_ line: Bytes) -> [UInt8]? where Bytes.Element == UInt8 {
        guard let first = line.first, first >= 32, first <= 96 else { return nil }
        let length = Int((first &- 32) & 63)
        if length == 0 { return [] }
        let needed = (length + 2) / 3 * 4
        var values = [UInt8]()
        values.reserveCapacity(needed)
        for byte in line.dropFirst() {
            guard byte >= 32, byte <= 96 else { return nil }
            values.append((byte &- 32) & 63)
        }
        // Encoders that trim trailing spaces leave lines short; a checksum character makes them long.
        guard values.count + 2 >= needed, values.count <= needed + 2 else { return nil }
        while values.count < needed { values.append(0) }
        var out = [UInt8]()
        out.reserveCapacity(length + 2)
        var index = 0
        while index + 3 < needed + 1, out.count < length {
            let a = values[index], b = values[index + 1], c = values[index + 2], d = values[index + 3]
            out.append(a << 2 | b >> 4)
            out.append(b << 4 | c >> 2)
            out.append(c << 6 | d)
            index += 4
        }
        if out.count > length { out.removeLast(out.count - length) }
        return out
    }
}
