/// The header fields of one entity, kept as raw bytes and decoded on demand (RFC 5322 2.2, 3.6).
///
/// Field names compare without regard to case. Duplicates are all kept, in order; the accessors for
/// one value return the first.
public struct MIMEHeaders: Sendable, RandomAccessCollection {
    /// Where one field's name and value lie in the block.
    struct FieldRange: Sendable {
        var name: Range<Int>
        var value: Range<Int>
    }

    /// The raw header block.
    let block: [UInt8]
    let ranges: [FieldRange]
    /// The charset used for raw 8-bit bytes that are not UTF-8 (the entity's own charset, or unlabelled).
    public var fallbackCharset: Charset

    /// No fields.
    public init() {
        self.init(block: [], ranges: [])
    }

    init(block: [UInt8], ranges: [FieldRange], fallbackCharset: Charset = Charset(label: nil)) {
        self.block = block
        self.ranges = ranges
        self.fallbackCharset = fallbackCharset
    }

    /// Parses a header block held in memory (lines up to, not including, the blank line).
    public init<Bytes: Collection>(parsing bytes: Bytes) where Bytes.Element == UInt8 {
        var builder = HeaderBlockBuilder(limit: Int.max)
        Array(bytes).withUnsafeBytes { raw in
            var start = 0
            while start < raw.count {
                var end = start
                while end < raw.count, raw[end] != ASCII.lf { end += 1 }
                end = Swift.min(end + 1, raw.count)
                _ = builder.append(line: UnsafeRawBufferPointer(rebasing: raw[start..<end]))
                start = end
            }
        }
        self = builder.build()
    }

    /// The first index.
    public var startIndex: Int { 0 }
    /// One past the last index.
    public var endIndex: Int { ranges.count }

    /// The field at a position, decoded.
    public subscript(position: Int) -> HeaderField {
        HeaderField(name: name(at: position), value: decodedValue(ranges[position].value))
    }

    /// The name of the field at a position, as written.
    public func name(at position: Int) -> String {
        String(decoding: block[ranges[position].name], as: UTF8.self)
    }

    /// The raw bytes of the field at a position, after the colon (folding kept).
    public func rawValue(at position: Int) -> ArraySlice<UInt8> {
        block[ranges[position].value]
    }

    /// Whether the field at a position has this name (ASCII case-insensitive).
    public func field(at position: Int, isNamed name: String) -> Bool {
        ASCII.equalsIgnoringCase(block[ranges[position].name], name.utf8)
    }

    /// The positions of the fields with this name, in order.
    public func positions(of name: String) -> [Int] {
        indices.filter { field(at: $0, isNamed: name) }
    }

    /// The raw value of the first field with this name.
    public func rawValue(of name: String) -> ArraySlice<UInt8>? {
        indices.first { field(at: $0, isNamed: name) }.map(rawValue(at:))
    }

    /// The decoded value of the first field with this name (unstructured text: RFC 2047 words decoded).
    public func value(of name: String) -> String? {
        indices.first { field(at: $0, isNamed: name) }.map { decodedValue(ranges[$0].value) }
    }

    /// The decoded values of every field with this name.
    public func values(of name: String) -> [String] {
        positions(of: name).map { decodedValue(ranges[$0].value) }
    }

    /// The raw value unfolded into one line and read as text (UTF-8, else the fallback charset),
    /// without RFC 2047 decoding: the input of structured-field parsers.
    public func unfoldedText(of name: String) -> String? {
        rawValue(of: name).map { HeaderText.unfold($0, charset: fallbackCharset) }
    }

    private func decodedValue(_ range: Range<Int>) -> String {
        HeaderText.decodeUnstructured(block[range], charset: fallbackCharset)
    }
}
