/// The server sent something that is not IMAP as this parser understands it. The description names the
/// grammar element and never contains message or mailbox data.
public struct ResponseParseError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What was expected, e.g. "')' closing the FETCH attribute list".
    public var expected: String
    /// The byte found instead (nil at the end of the line), shown only as a character class.
    public var found: UInt8?

    /// A parse error.
    public init(expected: String, found: UInt8?) {
        self.expected = expected
        self.found = found
    }

    /// `malformed IMAP response: expected ..., found ...`.
    public var description: String {
        "malformed IMAP response: expected \(expected), found \(ResponseParseError.describe(found))"
    }

    private static func describe(_ byte: UInt8?) -> String {
        guard let byte else { return "the end of the line" }
        switch byte {
        case 13, 10: return "the end of the line"
        case 0x20: return "a space"
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return "a digit"
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"): return "a letter"
        case 0x21...0x7E: return "'\(Character(Unicode.Scalar(byte)))'"
        case 0x80...: return "a non-ASCII byte"
        default: return "control byte 0x" + String(byte, radix: 16)
        }
    }
}

/// A server sent more than a limit of ``ResponseParserOptions`` allows.
public struct ResponseLimitError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Which limit.
    public struct Limit: Hashable, Sendable, CustomStringConvertible {
        /// The limit's name as in ``ResponseParserOptions``.
        public let name: String
        /// ``ResponseParserOptions/maxLineLength``.
        public static let lineLength = Limit(name: "maxLineLength")
        /// ``ResponseParserOptions/maxInlineLiteralSize``.
        public static let inlineLiteralSize = Limit(name: "maxInlineLiteralSize")
        /// ``ResponseParserOptions/maxBodyLiteralSize``.
        public static let bodyLiteralSize = Limit(name: "maxBodyLiteralSize")
        /// ``ResponseParserOptions/maxResponseSize``.
        public static let responseSize = Limit(name: "maxResponseSize")
        /// ``ResponseParserOptions/maxNesting``.
        public static let nesting = Limit(name: "maxNesting")
        /// ``ResponseParserOptions/maxAttributeCount``.
        public static let attributeCount = Limit(name: "maxAttributeCount")
        /// The name.
        public var description: String { name }
    }

    /// Which limit was exceeded.
    public var limit: Limit
    /// The size or count seen (at least; counting stops at the limit for lines).
    public var actualCount: Int
    /// The limit.
    public var maximumCount: Int

    /// A limit error.
    public init(limit: Limit, actualCount: Int, maximumCount: Int) {
        self.limit = limit
        self.actualCount = actualCount
        self.maximumCount = maximumCount
    }

    /// `IMAP response exceeds maxLineLength: 9000000 > 8388608`.
    public var description: String {
        "IMAP response exceeds \(limit.name): \(actualCount) > \(maximumCount)"
    }
}

/// Thrown inside the parser when the bytes run out before a grammar element is complete.
struct IncompleteMessage: Error {}
