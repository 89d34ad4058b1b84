/// Counts valid multi-byte sequences and invalid bytes in supposed UTF-8, to tell UTF-8 from
/// mislabelled 8-bit text.
struct UTF8Check {
    /// Number of well-formed multi-byte sequences.
    var multibyte = 0
    /// Number of bytes that start no well-formed sequence.
    var invalid = 0

    /// Whether the bytes were well-formed UTF-8.
    var isValid: Bool { invalid == 0 }

    /// Scans the bytes (RFC 3629 well-formedness: no overlongs, surrogates or values past U+10FFFF).
    init(_ bytes: UnsafeRawBufferPointer) {
        var index = 0
        let count = bytes.count
        while index < count {
            // Skip ASCII eight bytes at a time.
            while index + 8 <= count,
                  bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                index += 8
            }
            guard index < count else { break }
            let lead = bytes[index]
            if lead < 0x80 {
                index += 1
                continue
            }
            let length = UTF8Check.sequenceLength(bytes, at: index)
            if length == 0 {
                invalid += 1
                index += 1
            } else {
                multibyte += 1
                index += length
            }
        }
    }

    /// The length of the well-formed sequence at `index`, or 0 when none starts there.
    static func sequenceLength(_ bytes: UnsafeRawBufferPointer, at index: Int) -> Int {
        let count = bytes.count
        let lead = bytes[index]
        func continuation(_ offset: Int, _ low: UInt8 = 0x80, _ high: UInt8 = 0xBF) -> Bool {
            index + offset < count && (low...high).contains(bytes[index + offset])
        }
        switch lead {
        case 0xC2...0xDF:
            return continuation(1) ? 2 : 0
        case 0xE0:
            return continuation(1, 0xA0, 0xBF) && continuation(2) ? 3 : 0
        case 0xE1...0xEC, 0xEE...0xEF:
            return continuation(1) && continuation(2) ? 3 : 0
        case 0xED:
            return continuation(1, 0x80, 0x9F) && continuation(2) ? 3 : 0
        case 0xF0:
            return continuation(1, 0x90, 0xBF) && continuation(2) && continuation(3) ? 4 : 0
        case 0xF1...0xF3:
            return continuation(1) && continuation(2) && continuation(3) ? 4 : 0
        case 0xF4:
            return continuation(1, 0x80, 0x8F) && continuation(2) && continuation(3) ? 4 : 0
        default:
            return 0
        }
    }
}
