/// Named limits and choices of the MIME decoder, with documented defaults.
///
/// Past a limit, decoding stops where it is, records a ``MIMEWarning``, and continues in bounded
/// time and memory; the message itself is never lost (the archive keeps its raw bytes).
public struct MIMEOptions: Hashable, Sendable {
    /// Largest header block of one entity, in bytes; further header lines are skipped. Default 256 KiB.
    public var maxHeaderBytes: Int
    /// Deepest nesting of multiparts and encapsulated messages; deeper entities are read as opaque
    /// leaves. Default 32.
    public var maxDepth: Int
    /// Most entities (parts) in one message; further parts are skipped. Default 2,000.
    public var maxParts: Int
    /// Most decoded bytes over all parts of one message; content past it is not decoded. Default 1 GiB.
    public var maxDecodedBytes: Int
    /// Most decoded bytes of one text part kept for its text. Default 2 MiB.
    public var maxPartTextBytes: Int
    /// Most decoded bytes kept for the texts of all text parts of a message together; later text
    /// parts keep what is left. Default 16 MiB.
    public var maxTotalTextBytes: Int
    /// Most UTF-8 bytes of the concatenated searchable text of a message. Default 8 MiB.
    public var maxIndexedTextBytes: Int
    /// Most warnings kept for one message; the last one says how many more there were. Default 100.
    public var maxWarnings: Int
    /// Whether uuencoded blocks inside plain text are listed as embedded attachments. Default true.
    public var splitUUEncode: Bool

    /// The defaults.
    public static let `default` = MIMEOptions()

    /// Creates options; every argument has its documented default.
    public init(
        maxHeaderBytes: Int = 256 * 1024,
        maxDepth: Int = 32,
        maxParts: Int = 2_000,
        maxDecodedBytes: Int = 1 << 30,
        maxPartTextBytes: Int = 2 << 20,
        maxTotalTextBytes: Int = 16 << 20,
        maxIndexedTextBytes: Int = 8 << 20,
        maxWarnings: Int = 100,
        splitUUEncode: Bool = true
    ) {
        self.maxHeaderBytes = maxHeaderBytes
        self.maxDepth = maxDepth
        self.maxParts = maxParts
        self.maxDecodedBytes = maxDecodedBytes
        self.maxPartTextBytes = maxPartTextBytes
        self.maxTotalTextBytes = maxTotalTextBytes
        self.maxIndexedTextBytes = maxIndexedTextBytes
        self.maxWarnings = maxWarnings
        self.splitUUEncode = splitUUEncode
    }
}
