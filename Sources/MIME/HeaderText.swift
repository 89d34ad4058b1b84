/// Turning raw header values into text (RFC 5322 2.2.3 unfolding, RFC 6532 8-bit headers).
enum HeaderText {
    /// The value unfolded into one line, trimmed, and read as UTF-8 or else the fallback charset.
    static func unfold(_ raw: ArraySlice<UInt8>, charset: Charset) -> String {
        var bytes = [UInt8]()
        bytes.reserveCapacity(raw.count)
        var afterBreak = false
        for byte in raw {
            if byte == ASCII.cr || byte == ASCII.lf {
                afterBreak = true
                continue
            }
            // The tab that starts a folded line reads as a space; NUL never belongs in text.
            bytes.append(byte == 0 || (afterBreak && byte == ASCII.tab) ? ASCII.space : byte)
            afterBreak = false
        }
        let trimmed = ASCII.trimmed(bytes[...])
        return decode8Bit(trimmed, charset: charset)
    }

    /// Header bytes read as UTF-8 when they are (RFC 6532), else in the entity's charset, else as
    /// Windows-1252.
    static func decode8Bit(_ bytes: ArraySlice<UInt8>, charset: Charset) -> String {
        bytes.withUnsafeBytes { raw in
            if ASCII.isASCII(raw) || UTF8Check(raw).isValid { return String(decoding: raw, as: UTF8.self) }
            return charset.decode(raw).text
        }
    }

    /// An unstructured value (Subject, Comments...): unfolded, then encoded-words decoded.
    static func decodeUnstructured(_ raw: ArraySlice<UInt8>, charset: Charset) -> String {
        let line = unfold(raw, charset: charset)
        return EncodedWords.decode(line).text
    }
}
