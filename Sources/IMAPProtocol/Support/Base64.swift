/// Base64 for SASL exchanges (RFC 4648 4, with padding) and, with `,` for `/` and no padding, for
/// modified UTF-7 (RFC 3501 5.1.3). No Foundation.
public enum Base64 {
    /// The two alphabets: they differ in the 64th character.
    enum Alphabet {
        /// `+` and `/` (RFC 4648).
        case standard
        /// `+` and `,` (modified UTF-7).
        case mailboxName

        var characters: [UInt8] {
            switch self {
            case .standard: return Base64.standardCharacters
            case .mailboxName: return Base64.mailboxNameCharacters
            }
        }

        func value(of byte: UInt8) -> UInt32? {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): return UInt32(byte - UInt8(ascii: "A"))
            case UInt8(ascii: "a")...UInt8(ascii: "z"): return UInt32(byte - UInt8(ascii: "a") + 26)
            case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(byte - UInt8(ascii: "0") + 52)
            case UInt8(ascii: "+"): return 62
            case UInt8(ascii: "/") where self == .standard: return 63
            case UInt8(ascii: ","): return self == .mailboxName ? 63 : nil
            default: return nil
            }
        }
    }

    private static let standardCharacters = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
    private static let mailboxNameCharacters = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+,".utf8)

    /// Encodes bytes with `=` padding.
    public static func encode(_ bytes: [UInt8]) -> String {
        String(decoding: encode(bytes, alphabet: .standard, padding: true), as: UTF8.self)
    }

    /// Decodes base64 (padding optional, whitespace not allowed); nil when the text is not base64.
    public static func decode(_ text: String) -> [UInt8]? {
        var bytes = Array(text.utf8)
        var padding = 0
        while bytes.last == UInt8(ascii: "=") {
            bytes.removeLast()
            padding += 1
        }
        guard padding <= 2 else { return nil }
        return decode(bytes, alphabet: .standard)
    }

    static func encode(_ bytes: [UInt8], alphabet: Alphabet, padding: Bool) -> [UInt8] {
        let characters = alphabet.characters
        var output: [UInt8] = []
        output.reserveCapacity((bytes.count + 2) / 3 * 4)
        var index = 0
        while index < bytes.count {
            let count = min(3, bytes.count - index)
            var value: UInt32 = 0
            for offset in 0..<3 { value = value << 8 | (offset < count ? UInt32(bytes[index + offset]) : 0) }
            for position in 0...count { output.append(characters[Int(value >> UInt32(18 - 6 * position) & 0x3F)]) }
            if padding { output.append(contentsOf: repeatElement(UInt8(ascii: "="), count: 3 - count)) }
            index += 3
        }
        return output
    }

    /// Decodes unpadded base64 of an alphabet; the bits left over must be zero padding.
    static func decode<Bytes: Collection>(_ bytes: Bytes, alphabet: Alphabet) -> [UInt8]? where Bytes.Element == UInt8 {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count * 3 / 4)
        var accumulator: UInt32 = 0
        var bits = 0
        for byte in bytes {
            guard let value = alphabet.value(of: byte) else { return nil }
            accumulator = accumulator << 6 | value
            bits += 6
            if bits >= 8 {
                bits -= 8
                output.append(UInt8(truncatingIfNeeded: accumulator >> UInt32(bits)))
                accumulator &= (1 << UInt32(bits)) - 1
            }
        }
        guard bits < 6, accumulator == 0 else { return nil }
        return output
    }
}
