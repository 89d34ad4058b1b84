/// Byte-level helpers for the ASCII grammar of mail headers (RFC 5322 3.2).
enum ASCII {
    static let tab: UInt8 = 9
    static let lf: UInt8 = 10
    static let cr: UInt8 = 13
    static let space: UInt8 = 32
    static let quote: UInt8 = 34
    static let hyphen: UInt8 = 45
    static let colon: UInt8 = 58
    static let equals: UInt8 = 61
    static let question: UInt8 = 63
    static let backslash: UInt8 = 92

    /// SP or HTAB (RFC 5234 WSP).
    @inline(__always)
    static func isWhitespace(_ byte: UInt8) -> Bool { byte == space || byte == tab }

    /// WSP, CR or LF.
    @inline(__always)
    static func isSpaceOrBreak(_ byte: UInt8) -> Bool { byte == space || byte == tab || byte == cr || byte == lf }

    /// The lowercase of an ASCII letter; other bytes unchanged.
    @inline(__always)
    static func lower(_ byte: UInt8) -> UInt8 { byte &- 65 < 26 ? byte | 0x20 : byte }

    /// The value of a hex digit, or nil.
    @inline(__always)
    static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 48...57: return byte - 48
        case 65...70: return byte - 55
        case 97...102: return byte - 87
        default: return nil
        }
    }

    /// A lowercased string of ASCII bytes (other bytes kept, read as UTF-8 or Latin-1).
    static func lowercasedString<Bytes: Collection>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        let lowered = bytes.map(lower)
        return String(validating: lowered, as: UTF8.self) ?? String(decoding: lowered.map { $0 < 0x80 ? $0 : 0x3F }, as: UTF8.self)
    }

    /// Whether two byte sequences are equal ignoring ASCII case.
    static func equalsIgnoringCase<A: Collection, B: Collection>(_ a: A, _ b: B) -> Bool
    where A.Element == UInt8, B.Element == UInt8 {
        guard a.count == b.count else { return false }
        return zip(a, b).allSatisfy { lower($0) == lower($1) }
    }

    /// The bytes without leading and trailing WSP, CR and LF.
    static func trimmed(_ bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var start = bytes.startIndex
        var end = bytes.endIndex
        while start < end, isSpaceOrBreak(bytes[start]) { start += 1 }
        while end > start, isSpaceOrBreak(bytes[end - 1]) { end -= 1 }
        return bytes[start..<end]
    }

    /// Whether every byte is below 0x80.
    static func isASCII(_ bytes: UnsafeRawBufferPointer) -> Bool {
        var index = 0
        let count = bytes.count
        while index + 8 <= count {
            if bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 != 0 { return false }
            index += 8
        }
        while index < count {
            if bytes[index] >= 0x80 { return false }
            index += 1
        }
        return true
    }

    /// Whether every byte is below 0x80.
    static func isASCII<Bytes: Collection>(_ bytes: Bytes) -> Bool where Bytes.Element == UInt8 {
        if let result = bytes.withContiguousStorageIfAvailable({ isASCII(UnsafeRawBufferPointer($0)) }) { return result }
        return bytes.allSatisfy { $0 < 0x80 }
    }
}
