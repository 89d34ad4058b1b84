import NIOCore

/// Streams the decoded content of one part, or of every attachment, out of a message fed in
/// chunks: what `cairn show --part PATH` and `cairn attachments` write.
///
/// ```swift
/// var extractor = PartExtractor(.part(PartPath("2")!))
/// extractor.feed(chunk)
/// while let output = extractor.next() {
///     switch output {
///     case .begin(let part): open(part.filename)
///     case .bytes(_, let bytes): write(bytes)
///     case .end: close()
///     }
/// }
/// ```
///
/// A multipart has no content of its own (its parts do); an encapsulated message's content is the
/// message itself, so extracting it gives an `.eml`.
public struct PartExtractor: Sendable {
    /// Which parts to extract.
    public enum Selection: Hashable, Sendable {
        /// The part with this IMAP section number (or `1.uu1`-style uuencoded block).
        case part(PartPath)
        /// Every part that ``MIMEPart/isAttachment`` says is an attachment.
        case attachments
    }

    /// What comes out.
    public enum Output: Sendable {
        /// A selected part begins.
        case begin(MIMEPart)
        /// Decoded bytes of the selected part with this index.
        case bytes(part: Int, ByteBuffer)
        /// The selected part with this index ended.
        case end(part: Int)
    }

    private var reader: MIMEReader
    private let selection: Selection
    private var selected: Set<Int> = []
    /// How many parts were selected so far.
    public private(set) var matchCount = 0

    /// Creates an extractor.
    public init(_ selection: Selection, options: MIMEOptions = .default) {
        self.selection = selection
        self.reader = MIMEReader(options: options)
    }

    /// Adds the next chunk of the message.
    public mutating func feed(_ chunk: ByteBuffer) {
        reader.feed(chunk)
    }

    /// Adds the next chunk of the message.
    public mutating func feed<Bytes: Sequence>(_ bytes: Bytes) where Bytes.Element == UInt8 {
        reader.feed(bytes)
    }

    /// Marks the end of the message.
    public mutating func finish() {
        reader.finish()
    }

    /// The next output, or nil when the input so far has been fully read.
    public mutating func next() -> Output? {
        while let event = reader.next() {
            switch event {
            case .partBegin(let part):
                let wanted: Bool
                switch selection {
                case .part(let path): wanted = part.path == path && part.isNumbered
                case .attachments: wanted = part.isAttachment
                }
                if wanted {
                    selected.insert(part.index)
                    matchCount += 1
                    return .begin(part)
                }
            case .content(let index, let bytes):
                if selected.contains(index) { return .bytes(part: index, bytes) }
            case .partEnd(let end):
                if selected.remove(end.index) != nil { return .end(part: end.index) }
            case .warning:
                continue
            }
        }
        return nil
    }
}
