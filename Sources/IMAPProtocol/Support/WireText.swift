/// Turns bytes from the wire into text for callers, keeping every byte representable.
enum WireText {
    /// UTF-8 when the bytes are valid UTF-8, else ISO-8859-1 (each byte one character), so that 8-bit
    /// bytes from servers that ignore the rules neither fail nor vanish.
    static func decode<Bytes: Collection>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        var isASCII = true
        for byte in bytes where byte >= 0x80 {
            isASCII = false
            break
        }
        if isASCII { return String(decoding: bytes, as: UTF8.self) }
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        return String(String.UnicodeScalarView(bytes.map { Unicode.Scalar($0) }))
    }
}
