/// The parameters of a Content-Type or Content-Disposition field (RFC 2045 5.1), with RFC 2231
/// continuations, charsets and languages resolved and RFC 2047 words in quoted values decoded.
///
/// Names are lowercased; the first occurrence of a name wins.
public struct MIMEParameters: Hashable, Sendable, Sequence {
    /// One parameter.
    public struct Parameter: Hashable, Sendable {
        /// The lowercased name, without RFC 2231 markers.
        public var name: String
        /// The decoded value.
        public var value: String
        /// The value's bytes before charset decoding: as written with quotes removed, or for RFC 2231
        /// values the joined, percent-decoded segments.
        public var rawValue: [UInt8]
        /// The RFC 2231 language tag, if one was given.
        public var language: String?
    }

    /// The parameters in order.
    public private(set) var parameters: [Parameter]

    /// Creates a list.
    public init(_ parameters: [Parameter] = []) {
        self.parameters = parameters
    }

    /// The decoded value of the first parameter with this name (any case).
    public subscript(name: String) -> String? {
        parameter(name)?.value
    }

    /// The first parameter with this name (any case).
    public func parameter(_ name: String) -> Parameter? {
        let lowered = name.lowercased()
        return parameters.first { $0.name == lowered }
    }

    /// Iterates over the parameters.
    public func makeIterator() -> IndexingIterator<[Parameter]> {
        parameters.makeIterator()
    }

    /// Parses `; name=value; ...` from `start` in a field's unfolded bytes.
    static func parse(_ bytes: [UInt8], from start: Int) -> MIMEParameters {
        let raw = ParameterScanner.scan(bytes, from: start)
        return MIMEParameters(RFC2231.assemble(raw))
    }
}

/// The parameter list's lexical scan: names and values as written.
enum ParameterScanner {
    struct RawParameter {
        var name: String
        var value: [UInt8]
        var quoted: Bool
    }

    static func scan(_ bytes: [UInt8], from start: Int) -> [RawParameter] {
        var result: [RawParameter] = []
        var index = start
        let count = bytes.count
        while index < count {
            // Separators, whitespace and comments.
            let byte = bytes[index]
            if byte == UInt8(ascii: ";") || ASCII.isSpaceOrBreak(byte) || byte == UInt8(ascii: ",") {
                index += 1
                continue
            }
            if byte == UInt8(ascii: "(") {
                index = skipComment(bytes, from: index)
                continue
            }
            let nameStart = index
            while index < count, bytes[index] != UInt8(ascii: "="), bytes[index] != UInt8(ascii: ";"),
                  !ASCII.isSpaceOrBreak(bytes[index]) {
                index += 1
            }
            let name = ASCII.lowercasedString(bytes[nameStart..<index])
            while index < count, ASCII.isSpaceOrBreak(bytes[index]) { index += 1 }
            guard index < count, bytes[index] == UInt8(ascii: "=") else { continue }
            index += 1
            while index < count, ASCII.isSpaceOrBreak(bytes[index]) { index += 1 }
            var value: [UInt8] = []
            var quoted = false
            if index < count, bytes[index] == ASCII.quote {
                quoted = true
                index += 1
                while index < count, bytes[index] != ASCII.quote {
                    if bytes[index] == ASCII.backslash, index + 1 < count { index += 1 }
                    value.append(bytes[index])
                    index += 1
                }
                index += 1
                // Text after the closing quote up to ";" is dropped.
                while index < count, bytes[index] != UInt8(ascii: ";") { index += 1 }
            } else {
                let valueStart = index
                while index < count, bytes[index] != UInt8(ascii: ";") { index += 1 }
                value = Array(ASCII.trimmed(bytes[valueStart..<index]))
                // A trailing comment: "flowed (comment)".
                if value.last == UInt8(ascii: ")"), let open = value.lastIndex(of: UInt8(ascii: "(")), open > 0,
                   ASCII.isWhitespace(value[open - 1]) {
                    value = Array(ASCII.trimmed(value[..<open]))
                }
                // A value quoted on one side only, or with a stray quote.
                if value.first == ASCII.quote { value.removeFirst() }
                if value.last == ASCII.quote { value.removeLast() }
            }
            if !name.isEmpty { result.append(RawParameter(name: name, value: value, quoted: quoted)) }
        }
        return result
    }

    /// The index after a parenthesised comment (nested, with quoted-pairs) starting at `start`.
    static func skipComment(_ bytes: [UInt8], from start: Int) -> Int {
        var depth = 0
        var index = start
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "("): depth += 1
            case UInt8(ascii: ")"):
                depth -= 1
                if depth == 0 { return index + 1 }
            case ASCII.backslash: index += 1
            default: break
            }
            index += 1
        }
        return index
    }
}
