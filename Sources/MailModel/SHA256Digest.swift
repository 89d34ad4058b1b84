/// A 32-byte SHA-256 digest.
public struct SHA256Digest: Hashable, Sendable, Comparable, CustomStringConvertible {
    private let words: [UInt8]

    /// Creates a digest from its 32 bytes; nil if there are not exactly 32.
    public init?(bytes: [UInt8]) {
        guard bytes.count == 32 else { return nil }
        words = bytes
    }

    /// Parses 64 hex digits (either case); nil otherwise.
    public init?(hex: String) {
        let utf8 = Array(hex.utf8)
        guard utf8.count == 64 else { return nil }
        var bytes = [UInt8]()
        bytes.reserveCapacity(32)
        var index = 0
        while index < 64 {
            guard let high = HexDigits.value(utf8[index]), let low = HexDigits.value(utf8[index + 1]) else { return nil }
            bytes.append(high << 4 | low)
            index += 2
        }
        words = bytes
    }

    /// The 32 bytes of the digest.
    public var bytes: [UInt8] { words }

    /// The digest as 64 lowercase hex digits.
    public var hex: String { HexDigits.encode(words) }

    /// The lowercase hex form.
    public var description: String { hex }

    /// Orders digests by their bytes.
    public static func < (lhs: SHA256Digest, rhs: SHA256Digest) -> Bool {
        lhs.words.lexicographicallyPrecedes(rhs.words)
    }
}

/// Hex encoding helpers shared by the identifier types.
enum HexDigits {
    static let lower: [UInt8] = Array("0123456789abcdef".utf8)

    static func value(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }

    static func encode(_ bytes: [UInt8]) -> String {
        String(unsafeUninitializedCapacity: bytes.count * 2) { out in
            var index = 0
            for byte in bytes {
                out[index] = lower[Int(byte >> 4)]
                out[index + 1] = lower[Int(byte & 0x0F)]
                index += 2
            }
            return index
        }
    }
}
