import NIOCore

/// A streaming base64 decoder (RFC 2045 6.8): the same output whatever the chunk boundaries.
///
/// Lenient as mail needs: whitespace and line breaks are skipped, other invalid characters are
/// skipped and counted, padding is optional, and decoding resumes after padding (concatenated
/// base64 blocks).
public struct Base64Decoder: Sendable {
    private var accumulator: UInt32 = 0
    private var pending = 0
    /// Number of invalid characters skipped so far (a partial final quantum counts too).
    public private(set) var invalidCount = 0

    /// Creates a decoder.
    public init() {}

    static let invalid: UInt8 = 0xFF
    static let padding: UInt8 = 0xFE
    static let whitespace: UInt8 = 0xFD

    static let table: [UInt8] = {
        var table = [UInt8](repeating: invalid, count: 256)
        for (index, byte) in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8.enumerated() {
            table[Int(byte)] = UInt8(index)
        }
        // URL-safe alphabet too (RFC 4648 5), seen from some web mailers.
        table[Int(UInt8(ascii: "-"))] = 62
        table[Int(UInt8(ascii: "_"))] = 63
        table[Int(UInt8(ascii: "="))] = padding
        for byte in [UInt8(9), 10, 11, 12, 13, 32] { table[Int(byte)] = whitespace }
        return table
    }()

    /// Decodes the next chunk, appending the bytes to `output`.
    public mutating func decode(_ input: UnsafeRawBufferPointer, into output: inout ByteBuffer) {
        guard input.count > 0 else { return }
        let capacity = (input.count + pending) / 4 * 3 + 3
        output.writeWithUnsafeMutableBytes(minimumWritableBytes: capacity) { out in
            decode(input, to: out)
        }
    }

    private mutating func decode(_ input: UnsafeRawBufferPointer, to out: UnsafeMutableRawBufferPointer) -> Int {
        var written = 0
        var acc = accumulator
        var count = pending
        var index = 0
        let end = input.count
        Base64Decoder.table.withUnsafeBufferPointer { table in
            while index < end {
                // Fast path: four valid characters at a quantum boundary.
                if count == 0, index + 4 <= end {
                    let a = table[Int(input[index])], b = table[Int(input[index + 1])]
                    let c = table[Int(input[index + 2])], d = table[Int(input[index + 3])]
                    if a | b | c | d < 64 {
                        let value = UInt32(a) << 18 | UInt32(b) << 12 | UInt32(c) << 6 | UInt32(d)
                        out[written] = UInt8(truncatingIfNeeded: value >> 16)
                        out[written + 1] = UInt8(truncatingIfNeeded: value >> 8)
                        out[written + 2] = UInt8(truncatingIfNeeded: value)
                        written += 3
                        index += 4
                        continue
                    }
                }
                let value = table[Int(input[index])]
                index += 1
                if value < 64 {
                    acc = acc << 6 | UInt32(value)
                    count += 1
                    if count == 4 {
                        out[written] = UInt8(truncatingIfNeeded: acc >> 16)
                        out[written + 1] = UInt8(truncatingIfNeeded: acc >> 8)
                        out[written + 2] = UInt8(truncatingIfNeeded: acc)
                        written += 3
                        count = 0
                        acc = 0
                    }
                } else if value == Base64Decoder.padding {
                    written += Base64Decoder.flush(acc, count, into: out, at: written, invalid: &invalidCount)
                    count = 0
                    acc = 0
                } else if value == Base64Decoder.invalid {
                    invalidCount += 1
                }
            }
        }
        accumulator = acc
        pending = count
        return written
    }

    /// Writes the bytes of a partial quantum; returns how many.
    private static func flush(_ acc: UInt32, _ count: Int, into out: UnsafeMutableRawBufferPointer, at offset: Int,
                              invalid: inout Int) -> Int {
        switch count {
        case 2:
            out[offset] = UInt8(truncatingIfNeeded: acc >> 4)
            return 1
        case 3:
            out[offset] = UInt8(truncatingIfNeeded: acc >> 10)
            out[offset + 1] = UInt8(truncatingIfNeeded: acc >> 2)
            return 2
        case 1:
            invalid += 1
            return 0
        default:
            return 0
        }
    }

    /// Ends the input: decodes an unpadded final quantum.
    public mutating func finish(into output: inout ByteBuffer) {
        guard pending > 0 else { return }
        let acc = accumulator, count = pending
        var invalid = invalidCount
        output.writeWithUnsafeMutableBytes(minimumWritableBytes: 3) { out in
            Base64Decoder.flush(acc, count, into: out, at: 0, invalid: &invalid)
        }
        invalidCount = invalid
        accumulator = 0
        pending = 0
    }

    /// Decodes a whole base64 string at once (for RFC 2047 B-encoded words).
    public static func decode<Bytes: Collection>(_ bytes: Bytes) -> (bytes: [UInt8], invalid: Int) where Bytes.Element == UInt8 {
        var decoder = Base64Decoder()
        var output = ByteBuffer()
        Array(bytes).withUnsafeBytes { decoder.decode($0, into: &output) }
        decoder.finish(into: &output)
        return (Array(output.readableBytesView), decoder.invalidCount)
    }
}
