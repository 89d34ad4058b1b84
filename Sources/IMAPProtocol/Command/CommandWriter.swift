import NIOCore

/// Writes the pieces of one command, choosing atoms, quoted strings or literals, and splitting the
/// output into chunks at synchronizing literals.
///
/// - SeeAlso: RFC 3501 4.1-4.3 (atom, quoted, literal), RFC 7888 (non-synchronizing literals).
struct CommandWriter {
    private let options: CommandEncodingOptions
    private var chunks: [ByteBuffer] = []
    private var current = ByteBuffer()

    init(options: CommandEncodingOptions) {
        self.options = options
        current.reserveCapacity(64)
    }

    /// Literal text written as is (keywords, spaces, parentheses).
    mutating func raw(_ text: String) { current.writeString(text) }

    /// A single space.
    mutating func space() { current.writeInteger(UInt8(ascii: " ")) }

    /// A decimal number.
    mutating func number<T: BinaryInteger>(_ value: T) { current.writeString(String(value)) }

    /// An `astring`: an atom when every byte is an ASTRING-CHAR, else a quoted string or a literal.
    mutating func astring(_ bytes: [UInt8]) {
        if !bytes.isEmpty && bytes.allSatisfy(CommandWriter.isAStringChar) {
            current.writeBytes(bytes)
        } else {
            string(bytes)
        }
    }

    /// A `string`: quoted when the bytes allow it, else a literal.
    mutating func string(_ bytes: [UInt8]) {
        if canQuote(bytes) {
            current.writeInteger(UInt8(ascii: "\""))
            for byte in bytes {
                if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
                    current.writeInteger(UInt8(ascii: "\\"))
                }
                current.writeInteger(byte)
            }
            current.writeInteger(UInt8(ascii: "\""))
        } else {
            var buffer = ByteBuffer(bytes: bytes)
            literal(&buffer)
        }
    }

    /// A mailbox name (an astring).
    mutating func mailbox(_ mailbox: EncodedMailbox) { astring(mailbox.bytes) }

    /// A literal `{n}` / `{n+}` followed by its bytes; a synchronizing literal ends the current chunk.
    mutating func literal(_ bytes: inout ByteBuffer) {
        let count = bytes.readableBytes
        let nonSynchronizing: Bool
        switch options.literalMode {
        case .synchronizing: nonSynchronizing = false
        case .nonSynchronizing: nonSynchronizing = true
        case .nonSynchronizingUpTo4096: nonSynchronizing = count <= 4096
        }
        current.writeString(nonSynchronizing ? "{\(count)+}\r\n" : "{\(count)}\r\n")
        if !nonSynchronizing {
            chunks.append(current)
            current = ByteBuffer()
        }
        current.writeBuffer(&bytes)
    }

    /// Ends the command with CRLF and returns its chunks.
    mutating func finish() -> [ByteBuffer] {
        current.writeString("\r\n")
        chunks.append(current)
        current = ByteBuffer()
        defer { chunks = [] }
        return chunks
    }

    private func canQuote(_ bytes: [UInt8]) -> Bool {
        guard bytes.count <= 1024 else { return false }
        for byte in bytes {
            if byte == 0 || byte == 13 || byte == 10 { return false }
            if byte >= 0x80 && !options.utf8 { return false }
        }
        return true
    }

    /// ASTRING-CHAR = ATOM-CHAR / "]" (RFC 3501 9); ATOM-CHAR excludes `(){ %*"\` , CTL and 8-bit.
    static func isAStringChar(_ byte: UInt8) -> Bool {
        guard byte > 0x20 && byte < 0x7F else { return false }
        switch byte {
        case UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "{"), UInt8(ascii: "%"), UInt8(ascii: "*"),
             UInt8(ascii: "\""), UInt8(ascii: "\\"):
            return false
        default:
            return true
        }
    }

    /// A LIST pattern character may also be `%` or `*` (RFC 3501 9, `list-char`).
    static func isListChar(_ byte: UInt8) -> Bool {
        isAStringChar(byte) || byte == UInt8(ascii: "%") || byte == UInt8(ascii: "*")
    }

    /// A LIST pattern: an atom of list-chars when possible, else a string.
    mutating func listPattern(_ bytes: [UInt8]) {
        if !bytes.isEmpty && bytes.allSatisfy(CommandWriter.isListChar) {
            current.writeBytes(bytes)
        } else {
            string(bytes)
        }
    }
}
