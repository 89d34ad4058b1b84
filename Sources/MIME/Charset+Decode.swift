import Glibc

/// Text decoded from bytes, and what it took to decode it.
struct DecodedText {
    /// The text.
    var text: String
    /// How many invalid bytes or sequences became U+FFFD.
    var replaced = 0
    /// The charset actually used when it was not the label's (`utf-8`, `windows-1252`).
    var fallback: String?
    /// Whether the label named a charset that iconv does not know.
    var unknownLabel = false
}

extension Charset {
    /// Decodes bytes labelled with this charset. Unlabelled or US-ASCII text with 8-bit bytes is read
    /// as UTF-8 when it is valid UTF-8, else as Windows-1252; UTF-8 that holds no valid multi-byte
    /// sequence at all is read as Windows-1252; an unknown label falls back the same way.
    func decode(_ bytes: UnsafeRawBufferPointer) -> DecodedText {
        if ASCII.isASCII(bytes) {
            // Every supported charset except UTF-16/32, UTF-7 and ISO-2022 is ASCII-compatible.
            if case .iconv(let name) = kind, Charset.needsIconvForASCII(name) {
                if let (text, replaced) = Iconv.decode(bytes, from: name) { return DecodedText(text: text, replaced: replaced) }
            }
            if kind == .unlabelled || kind == .ascii, let japanese = Charset.guessISO2022JP(bytes) { return japanese }
            return DecodedText(text: String(decoding: bytes, as: UTF8.self))
        }
        switch kind {
        case .unlabelled, .ascii:
            return Charset.guess(bytes, labelled: kind == .ascii)
        case .utf8:
            let check = UTF8Check(bytes)
            if check.isValid { return DecodedText(text: String(decoding: bytes, as: UTF8.self)) }
            if check.multibyte == 0 {
                return DecodedText(text: Windows1252.decode(bytes), fallback: "windows-1252")
            }
            return DecodedText(text: String(decoding: bytes, as: UTF8.self), replaced: check.invalid)
        case .windows1252:
            if let utf8 = Charset.mislabelledUTF8(bytes) { return utf8 }
            return DecodedText(text: Windows1252.decode(bytes))
        case .iconv(let name):
            guard let (text, replaced) = Iconv.decode(bytes, from: name) else {
                var guessed = Charset.guess(bytes, labelled: false)
                guessed.unknownLabel = true
                return guessed
            }
            if !Charset.needsIconvForASCII(name), let utf8 = Charset.mislabelledUTF8(bytes) { return utf8 }
            return DecodedText(text: text, replaced: replaced)
        }
    }

    /// Decodes bytes labelled with this charset.
    func decode<Bytes: Collection>(_ bytes: Bytes) -> DecodedText where Bytes.Element == UInt8 {
        if let result = bytes.withContiguousStorageIfAvailable({ decode(UnsafeRawBufferPointer($0)) }) { return result }
        return Array(bytes).withUnsafeBytes { decode($0) }
    }

    /// Text labelled with a legacy charset that is in fact UTF-8: well-formed, with multi-byte
    /// sequences (which legacy text almost never forms by chance).
    private static func mislabelledUTF8(_ bytes: UnsafeRawBufferPointer) -> DecodedText? {
        let check = UTF8Check(bytes)
        guard check.isValid, check.multibyte > 0 else { return nil }
        return DecodedText(text: String(decoding: bytes, as: UTF8.self), fallback: "utf-8")
    }

    /// UTF-8 when valid, else Windows-1252.
    private static func guess(_ bytes: UnsafeRawBufferPointer, labelled: Bool) -> DecodedText {
        if UTF8Check(bytes).isValid {
            return DecodedText(text: String(decoding: bytes, as: UTF8.self), fallback: "utf-8")
        }
        if let japanese = guessJapanese(bytes) { return japanese }
        return DecodedText(text: Windows1252.decode(bytes), fallback: "windows-1252")
    }

    /// Unlabelled 7-bit text with the escape sequences of ISO-2022-JP (RFC 1468), read as such.
    private static func guessISO2022JP(_ bytes: UnsafeRawBufferPointer) -> DecodedText? {
        guard bytes.count >= 3, let base = bytes.baseAddress, memchr(base, 0x1B, bytes.count) != nil else { return nil }
        var index = 0
        var found = false
        while index + 2 < bytes.count, !found {
            found = bytes[index] == 0x1B && bytes[index + 1] == UInt8(ascii: "$")
                && (bytes[index + 2] == UInt8(ascii: "B") || bytes[index + 2] == UInt8(ascii: "@"))
            index += 1
        }
        guard found, let (text, replaced) = Iconv.decode(bytes, from: "ISO-2022-JP-2"), replaced == 0 else { return nil }
        return DecodedText(text: text, fallback: "iso-2022-jp")
    }

    /// Unlabelled Japanese, the commonest unlabelled non-Western mail: Shift_JIS when most of its two-byte characters have a second byte past
    /// 0x7F (as kana and most kanji do, while a Western accented letter read as Shift_JIS pairs with
    /// the ASCII letter after it) and the whole decodes without error.
    private static func guessJapanese(_ bytes: UnsafeRawBufferPointer) -> DecodedText? {
        var doubles = 0
        var highTrails = 0
        var index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            if (0x81...0x9F).contains(byte) || (0xE0...0xFC).contains(byte), index + 1 < count {
                doubles += 1
                if bytes[index + 1] >= 0x80 { highTrails += 1 }
                index += 2
            } else {
                index += 1
            }
        }
        guard doubles >= 4, highTrails * 2 >= doubles, let (text, replaced) = Iconv.decode(bytes, from: "CP932"),
              replaced * 20 <= doubles else { return nil }
        return DecodedText(text: text, replaced: replaced, fallback: "shift_jis")
    }

    private static func needsIconvForASCII(_ name: String) -> Bool {
        name.hasPrefix("UTF-16") || name.hasPrefix("UTF-32") || name.hasPrefix("UCS") || name == "UTF-7"
            || name.hasPrefix("ISO-2022") || name == "HZ-GB-2312" || name == "HZ"
    }
}
