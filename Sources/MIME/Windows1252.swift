/// Windows-1252 to Unicode, done by table (the fallback charset for mislabelled 8-bit text, and what
/// ISO-8859-1 labels really mean in mail, as in the WHATWG Encoding Standard).
enum Windows1252 {
    /// Code points of 0x80...0x9F; the five unassigned bytes map to the C1 controls (as WHATWG).
    static let high: [UInt32] = [
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
        0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
    ]

    /// Decodes bytes as Windows-1252.
    static func decode(_ bytes: UnsafeRawBufferPointer) -> String {
        var out = [UInt8]()
        out.reserveCapacity(bytes.count + bytes.count / 4)
        for byte in bytes {
            if byte < 0x80 {
                out.append(byte)
            } else {
                let scalar = byte < 0xA0 ? high[Int(byte - 0x80)] : UInt32(byte)
                UTF8Writer.append(scalar, to: &out)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}

/// Writes Unicode scalars as UTF-8 bytes.
enum UTF8Writer {
    /// The UTF-8 of U+FFFD.
    static let replacement: [UInt8] = [0xEF, 0xBF, 0xBD]

    /// Appends the UTF-8 of a scalar value (U+FFFD for invalid values).
    @inline(__always)
    static func append(_ value: UInt32, to out: inout [UInt8]) {
        switch value {
        case 0..<0x80:
            out.append(UInt8(value))
        case 0x80..<0x800:
            out.append(UInt8(0xC0 | value >> 6))
            out.append(UInt8(0x80 | value & 0x3F))
        case 0xD800...0xDFFF:
            out.append(contentsOf: replacement)
        case 0x800..<0x10000:
            out.append(UInt8(0xE0 | value >> 12))
            out.append(UInt8(0x80 | value >> 6 & 0x3F))
            out.append(UInt8(0x80 | value & 0x3F))
        case 0x10000...0x10FFFF:
            out.append(UInt8(0xF0 | value >> 18))
            out.append(UInt8(0x80 | value >> 12 & 0x3F))
            out.append(UInt8(0x80 | value >> 6 & 0x3F))
            out.append(UInt8(0x80 | value & 0x3F))
        default:
            out.append(contentsOf: replacement)
        }
    }
}
