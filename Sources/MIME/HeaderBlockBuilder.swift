/// Collects the lines of a header block, one at a time, into ``MIMEHeaders`` (RFC 5322 2.2).
struct HeaderBlockBuilder {
    /// What a line turned out to be.
    enum LineKind {
        case field
        case continuation
        /// Neither a field nor a continuation: the body has begun (or, first in a block, junk).
        case notAField
        /// An mbox `From ` line before the first field.
        case envelope
        /// Kept out because the block is past its limit.
        case overLimit
    }

    private var block: [UInt8] = []
    private var ranges: [MIMEHeaders.FieldRange] = []
    private let limit: Int
    /// Whether lines were dropped because of the limit.
    private(set) var overflowed = false
    /// Continuation lines met before any field.
    private(set) var orphanContinuations = 0

    init(limit: Int) {
        self.limit = limit
    }

    /// Whether no field has been seen yet.
    var isEmpty: Bool { ranges.isEmpty }

    /// Adds one line (with or without its line break). A blank line must not be passed.
    mutating func append(line: UnsafeRawBufferPointer) -> LineKind {
        var end = line.count
        while end > 0, line[end - 1] == ASCII.lf || line[end - 1] == ASCII.cr { end -= 1 }
        guard end > 0 else { return .notAField }
        let first = line[0]
        if ASCII.isWhitespace(first) {
            guard !ranges.isEmpty else {
                orphanContinuations += 1
                return .continuation
            }
            guard !overflowed, block.count + line.count <= limit else {
                overflowed = true
                return .overLimit
            }
            // Keep the fold (CRLF) inside the value; unfolding happens when decoding.
            let previousEnd = ranges[ranges.count - 1].value.upperBound
            if previousEnd == block.count {
                block.append(ASCII.lf)
                block.append(contentsOf: UnsafeRawBufferPointer(rebasing: line[0..<end]))
                ranges[ranges.count - 1].value = ranges[ranges.count - 1].value.lowerBound..<block.count
            }
            return .continuation
        }
        if ranges.isEmpty, end >= 5, line[0] == 0x46, line[1] == 0x72, line[2] == 0x6F, line[3] == 0x6D, line[4] == 0x20 {
            return .envelope  // "From "
        }
        // field-name = 1*ftext (printable ASCII but ":"), then optional WSP (obsolete syntax), then ":"
        var index = 0
        while index < end, line[index] > 32, line[index] < 127, line[index] != ASCII.colon { index += 1 }
        let nameEnd = index
        while index < end, ASCII.isWhitespace(line[index]) { index += 1 }
        guard nameEnd > 0, index < end, line[index] == ASCII.colon else { return .notAField }
        guard !overflowed, block.count + end <= limit else {
            overflowed = true
            return .overLimit
        }
        let base = block.count
        block.append(contentsOf: UnsafeRawBufferPointer(rebasing: line[0..<end]))
        ranges.append(MIMEHeaders.FieldRange(name: base..<(base + nameEnd), value: (base + index + 1)..<block.count))
        return .field
    }

    /// The headers collected.
    func build() -> MIMEHeaders {
        var headers = MIMEHeaders(block: block, ranges: ranges)
        if let type = headers.rawValue(of: "Content-Type"),
           let charset = ContentType.parse(type).contentType?.parameters["charset"] {
            headers.fallbackCharset = Charset(label: charset)
        }
        return headers
    }
}
