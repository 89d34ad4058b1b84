import NIOCore

/// A read position in response bytes with the primitives of the IMAP grammar. Copying the cursor saves
/// the position (the bytes are shared), so a failed alternative can be retried from the copy.
///
/// Every primitive throws ``IncompleteMessage`` when the bytes end before it can decide, and
/// ``ResponseParseError`` when the bytes cannot be what it reads.
struct ParseCursor {
    var buffer: ByteBuffer
    let options: ResponseParserOptions
    private(set) var depth = 0

    init(buffer: ByteBuffer, options: ResponseParserOptions) {
        self.buffer = buffer
        self.options = options
    }

    // MARK: - Bytes

    /// The next byte without consuming it.
    func peek() throws -> UInt8 {
        guard let byte = buffer.getInteger(at: buffer.readerIndex, as: UInt8.self) else { throw IncompleteMessage() }
        return byte
    }

    /// The byte `offset` places ahead, without consuming.
    func peek(offset: Int) throws -> UInt8 {
        guard let byte = buffer.getInteger(at: buffer.readerIndex + offset, as: UInt8.self) else {
            throw IncompleteMessage()
        }
        return byte
    }

    /// Consumes one byte.
    mutating func readByte() throws -> UInt8 {
        guard let byte = buffer.readInteger(as: UInt8.self) else { throw IncompleteMessage() }
        return byte
    }

    /// Consumes `byte` or fails naming `what`.
    mutating func expect(_ byte: UInt8, _ what: @autoclosure () -> String) throws {
        let found = try peek()
        guard found == byte else { throw ResponseParseError(expected: what(), found: found) }
        buffer.moveReaderIndex(forwardBy: 1)
    }

    /// Consumes `byte` when it comes next.
    mutating func consume(_ byte: UInt8) throws -> Bool {
        guard try peek() == byte else { return false }
        buffer.moveReaderIndex(forwardBy: 1)
        return true
    }

    /// A failure at the current position.
    func failure(_ expected: String) -> ResponseParseError {
        ResponseParseError(expected: expected, found: buffer.getInteger(at: buffer.readerIndex, as: UInt8.self))
    }

    // MARK: - Spaces and line ends

    /// One or more spaces (servers are seen to send two where the grammar has one).
    mutating func space() throws {
        try expect(0x20, "a space")
        while try peek() == 0x20 { buffer.moveReaderIndex(forwardBy: 1) }
    }

    /// Any number of spaces, zero included.
    mutating func skipSpaces() throws {
        while try peek() == 0x20 { buffer.moveReaderIndex(forwardBy: 1) }
    }

    /// The end of the response line: optional trailing spaces, then CRLF (a bare LF is accepted).
    mutating func lineEnd() throws {
        try skipSpaces()
        if try peek() == 13 {
            buffer.moveReaderIndex(forwardBy: 1)
        }
        try expect(10, "the end of the line")
    }

    /// Whether the line ends here (after optional spaces), without consuming.
    func atLineEnd() throws -> Bool {
        var offset = 0
        while try peek(offset: offset) == 0x20 { offset += 1 }
        let byte = try peek(offset: offset)
        return byte == 13 || byte == 10
    }

    /// The bytes up to the end of the line (not consumed: the CRLF stays).
    mutating func textToLineEnd() throws -> [UInt8] {
        let view = buffer.readableBytesView
        guard let end = view.firstIndex(where: { $0 == 13 || $0 == 10 }) else { throw IncompleteMessage() }
        let count = end - view.startIndex
        return buffer.readBytes(length: count) ?? []
    }

    // MARK: - Atoms and numbers

    /// ATOM-CHAR: any CHAR except `(){ %*"\`, `]` (resp-specials), and controls (RFC 3501 9).
    static func isAtomChar(_ byte: UInt8) -> Bool {
        guard byte > 0x20 && byte < 0x7F else { return false }
        switch byte {
        case UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "{"), UInt8(ascii: "%"), UInt8(ascii: "*"),
             UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "]"):
            return false
        default:
            return true
        }
    }

    /// One or more bytes accepted by `isMember`; the run must end before the bytes do.
    mutating func run(_ what: @autoclosure () -> String, where isMember: (UInt8) -> Bool) throws -> [UInt8] {
        let view = buffer.readableBytesView
        guard let end = view.firstIndex(where: { !isMember($0) }) else { throw IncompleteMessage() }
        let count = end - view.startIndex
        guard count > 0 else { throw failure(what()) }
        return buffer.readBytes(length: count)!
    }

    /// An atom.
    mutating func atom() throws -> [UInt8] {
        try run("an atom", where: ParseCursor.isAtomChar)
    }

    /// An atom as upper-case text (keywords).
    mutating func keyword() throws -> String {
        String(decoding: try atom().map { $0 >= 0x61 && $0 <= 0x7A ? $0 - 0x20 : $0 }, as: UTF8.self)
    }

    /// Consumes `word` (case-insensitive) when it comes next and is not followed by more atom characters.
    mutating func consumeKeyword(_ word: String) throws -> Bool {
        var offset = 0
        for expected in word.utf8 {
            var byte = try peek(offset: offset)
            if byte >= 0x61 && byte <= 0x7A { byte -= 0x20 }
            guard byte == expected else { return false }
            offset += 1
        }
        // A longer atom (FLAGSX) is not the keyword; `[` may follow (BODY[).
        let next = try peek(offset: offset)
        guard !ParseCursor.isAtomChar(next) || next == UInt8(ascii: "[") else { return false }
        buffer.moveReaderIndex(forwardBy: offset)
        return true
    }

    /// Consumes `word` (case-insensitive) or fails.
    mutating func expectKeyword(_ word: String) throws {
        guard try consumeKeyword(word) else { throw failure("'\(word)'") }
    }

    /// A decimal number of up to 20 digits.
    mutating func number() throws -> UInt64 {
        let digits = try run("a number", where: { $0 >= 0x30 && $0 <= 0x39 })
        guard digits.count <= 19 else { throw ResponseParseError(expected: "a number below 2^63", found: digits.first) }
        return digits.reduce(0) { $0 * 10 + UInt64($1 - 0x30) }
    }

    /// A number that fits in 32 bits.
    mutating func number32() throws -> UInt32 {
        let value = try number()
        guard value <= UInt64(UInt32.max) else { throw ResponseParseError(expected: "a 32-bit number", found: nil) }
        return UInt32(value)
    }

    /// A number as an Int.
    mutating func int() throws -> Int { Int(try number()) }

    // MARK: - Strings

    /// `quoted`: `"..."` with `\"` and `\\` escapes. 8-bit bytes are accepted (servers send them).
    mutating func quoted() throws -> [UInt8] {
        try expect(UInt8(ascii: "\""), "'\"'")
        var result: [UInt8] = []
        while true {
            let byte = try readByte()
            switch byte {
            case UInt8(ascii: "\""):
                return result
            case UInt8(ascii: "\\"):
                result.append(try readByte())
            case 13, 10:
                throw ResponseParseError(expected: "'\"' closing a quoted string", found: byte)
            default:
                result.append(byte)
            }
        }
    }

    /// A literal header `{n}` / `{n+}` / `~{n}` and its CRLF; returns n and whether it was a literal8.
    mutating func literalHeader() throws -> (size: Int, binary: Bool) {
        let binary = try consume(UInt8(ascii: "~"))
        try expect(UInt8(ascii: "{"), "'{' starting a literal")
        let size = try number()
        _ = try consume(UInt8(ascii: "+")) || consume(UInt8(ascii: "-"))
        try expect(UInt8(ascii: "}"), "'}' ending a literal size")
        if try peek() == 13 { buffer.moveReaderIndex(forwardBy: 1) }
        try expect(10, "the line end after a literal size")
        return (Int(size), binary)
    }

    /// A literal kept in memory (limited by `maxInlineLiteralSize`).
    mutating func literal() throws -> [UInt8] {
        let (size, _) = try literalHeader()
        guard size <= options.maxInlineLiteralSize else {
            throw ResponseLimitError(limit: .inlineLiteralSize, actualCount: size, maximumCount: options.maxInlineLiteralSize)
        }
        guard let bytes = buffer.readBytes(length: size) else { throw IncompleteMessage() }
        return bytes
    }

    /// `string`: quoted or literal.
    mutating func string() throws -> [UInt8] {
        switch try peek() {
        case UInt8(ascii: "\""): return try quoted()
        case UInt8(ascii: "{"), UInt8(ascii: "~"): return try literal()
        default: throw failure("a string")
        }
    }

    /// `nstring`: NIL or a string. An atom where a string belongs is taken as its text (a quirk seen).
    mutating func nstring() throws -> [UInt8]? {
        switch try peek() {
        case UInt8(ascii: "\""), UInt8(ascii: "{"), UInt8(ascii: "~"): return try string()
        default:
            let word = try atom()
            if word.count == 3 && word.map({ $0 & 0xDF }) == Array("NIL".utf8) { return nil }
            return word
        }
    }

    /// `astring`: an atom (with `]` allowed) or a string.
    mutating func astring() throws -> [UInt8] {
        switch try peek() {
        case UInt8(ascii: "\""), UInt8(ascii: "{"), UInt8(ascii: "~"): return try string()
        default: return try run("an astring", where: { ParseCursor.isAtomChar($0) || $0 == UInt8(ascii: "]") })
        }
    }

    /// An nstring as text (UTF-8, else ISO-8859-1).
    mutating func nstringText() throws -> String? { try nstring().map(WireText.decode) }

    /// A string as text.
    mutating func stringText() throws -> String { WireText.decode(try string()) }

    /// Whether `NIL` comes next (consumed if so).
    mutating func consumeNil() throws -> Bool { try consumeKeyword("NIL") }

    /// Runs `body` on a copy and keeps its progress when it succeeds; on a grammar failure returns nil
    /// with the position unchanged. Running out of bytes and limit errors still throw.
    mutating func attempt<T>(_ body: (inout ParseCursor) throws -> T) throws -> T? {
        var copy = self
        do {
            let value = try body(&copy)
            self = copy
            return value
        } catch is ResponseParseError {
            return nil
        }
    }

    // MARK: - Lists

    /// Runs `body` one level deeper, failing beyond `maxNesting`.
    mutating func nested<T>(_ body: (inout ParseCursor) throws -> T) throws -> T {
        depth += 1
        guard depth <= options.maxNesting else {
            throw ResponseLimitError(limit: .nesting, actualCount: depth, maximumCount: options.maxNesting)
        }
        defer { depth -= 1 }
        return try body(&self)
    }

    /// `"(" [item *(SP item)] ")"`, tolerating extra spaces; at most `maxAttributeCount` items.
    mutating func parenthesizedList<T>(_ item: (inout ParseCursor) throws -> T) throws -> [T] {
        try expect(UInt8(ascii: "("), "'('")
        return try nested { cursor in
            var items: [T] = []
            try cursor.skipSpaces()
            while try cursor.peek() != UInt8(ascii: ")") {
                items.append(try item(&cursor))
                guard items.count <= cursor.options.maxAttributeCount else {
                    throw ResponseLimitError(limit: .attributeCount, actualCount: items.count,
                                             maximumCount: cursor.options.maxAttributeCount)
                }
                try cursor.skipSpaces()
            }
            cursor.buffer.moveReaderIndex(forwardBy: 1)
            return items
        }
    }

    /// Skips one value of unknown meaning: a string, atom, number, NIL or nested list.
    mutating func skipValue() throws {
        switch try peek() {
        case UInt8(ascii: "("):
            _ = try parenthesizedList { try $0.skipValue() }
        case UInt8(ascii: "\""), UInt8(ascii: "{"), UInt8(ascii: "~"):
            _ = try string()
        case UInt8(ascii: "["):
            buffer.moveReaderIndex(forwardBy: 1)
            _ = try run("']'", where: { $0 != UInt8(ascii: "]") && $0 != 13 && $0 != 10 })
            try expect(UInt8(ascii: "]"), "']'")
        default:
            _ = try run("a value", where: { ParseCursor.isAtomChar($0) || $0 == UInt8(ascii: "\\") || $0 == UInt8(ascii: "*")
                || $0 == UInt8(ascii: "%") || $0 == UInt8(ascii: "]") })
        }
    }

    /// Skips everything up to the end of the line, literals included (unknown responses).
    mutating func skipToLineEnd() throws {
        while true {
            let byte = try peek()
            switch byte {
            case 13, 10:
                try lineEnd()
                return
            case UInt8(ascii: "\""):
                _ = try quoted()
            case UInt8(ascii: "{"):
                let save = self
                do {
                    _ = try literal()
                } catch is IncompleteMessage {
                    throw IncompleteMessage()
                } catch {
                    self = save  // a '{' that does not start a literal
                    buffer.moveReaderIndex(forwardBy: 1)
                }
            default:
                buffer.moveReaderIndex(forwardBy: 1)
            }
        }
    }
}
