/// The limits of a ``ResponseParser``: what a server may send before the parser gives up with a
/// ``ResponseLimitError`` instead of using unbounded memory or time.
public struct ResponseParserOptions: Hashable, Sendable {
    /// The longest run of response text between literals, in bytes. Default 8 MiB: a `SEARCH` reply for a
    /// mailbox of a million messages fits.
    public var maxLineLength: Int
    /// The largest literal kept in memory (mailbox names, envelope and body-structure strings). Default 1 MiB.
    public var maxInlineLiteralSize: Int
    /// The largest body literal (streamed, never held whole). Default 4 GiB - 1, the most IMAP can express
    /// in practice.
    public var maxBodyLiteralSize: Int
    /// The deepest nesting of parentheses (BODYSTRUCTURE of nested messages). Default 100.
    public var maxNesting: Int
    /// The most bytes of one response kept in memory before it is parsed: its text and its inline literals
    /// together (a FETCH response counts per attribute; body literals stream and do not count). Default
    /// 16 MiB: twice the line limit, so a long SEARCH reply fits, while many inline literals on one line
    /// cannot add up to unbounded memory.
    public var maxResponseSize: Int
    /// The most attributes in one FETCH response, and the most items in one list. Default 100,000
    /// (flags, addresses and such).
    public var maxAttributeCount: Int

    /// The defaults described on each field.
    public init(maxLineLength: Int = 8 * 1024 * 1024, maxInlineLiteralSize: Int = 1024 * 1024,
                maxBodyLiteralSize: Int = Int(UInt32.max), maxNesting: Int = 100, maxAttributeCount: Int = 100_000,
                maxResponseSize: Int = 16 * 1024 * 1024) {
        self.maxLineLength = maxLineLength
        self.maxInlineLiteralSize = maxInlineLiteralSize
        self.maxBodyLiteralSize = maxBodyLiteralSize
        self.maxNesting = maxNesting
        self.maxAttributeCount = maxAttributeCount
        self.maxResponseSize = maxResponseSize
    }
}
