/// Reads one line of the TOML subset of `TOMLDocument`.
struct TOMLScanner {
    private var rest: Substring.UnicodeScalarView
    private let line: Int

    init(_ text: Substring, line: Int) {
        var scalars = text.unicodeScalars
        if scalars.last == "\r" { scalars.removeLast() }
        rest = scalars
        self.line = line
    }

    var peek: Unicode.Scalar? { rest.first }

    var atEndOrComment: Bool { rest.isEmpty || rest.first == "#" }

    mutating func skipSpaces() {
        while let first = rest.first, first == " " || first == "\t" { rest.removeFirst() }
    }

    private func fail(_ reason: String) -> TOMLDocument.ParseError {
        TOMLDocument.ParseError(line: line, reason: reason)
    }

    mutating func expect(_ scalar: Unicode.Scalar) throws(TOMLDocument.ParseError) {
        guard rest.first == scalar else { throw fail("expected '\(scalar)'") }
        rest.removeFirst()
    }

    /// `[a.b."c d"]`
    mutating func tableHeader() throws(TOMLDocument.ParseError) -> [String] {
        try expect("[")
        var path: [String] = []
        while true {
            skipSpaces()
            path.append(try key())
            skipSpaces()
            if rest.first == "." { rest.removeFirst(); continue }
            try expect("]")
            skipSpaces()
            guard atEndOrComment else { throw fail("unexpected text after a table header") }
            return path
        }
    }

    /// A bare or quoted key.
    mutating func key() throws(TOMLDocument.ParseError) -> String {
        if rest.first == "\"" { return try basicString() }
        if rest.first == "'" { return try literalString() }
        var key = String.UnicodeScalarView()
        while let c = rest.first, ("a"..."z").contains(c) || ("A"..."Z").contains(c) || ("0"..."9").contains(c) || c == "-" || c == "_" {
            key.append(c)
            rest.removeFirst()
        }
        guard !key.isEmpty else { throw fail("expected a key") }
        return String(key)
    }

    /// A string, integer, boolean or array of strings.
    mutating func value() throws(TOMLDocument.ParseError) -> TOMLDocument.Value {
        switch rest.first {
        case "\"": return .string(try basicString())
        case "'": return .string(try literalString())
        case "[":
            rest.removeFirst()
            var items: [String] = []
            while true {
                skipSpaces()
                if rest.first == "]" { rest.removeFirst(); return .strings(items) }
                switch rest.first {
                case "\"": items.append(try basicString())
                case "'": items.append(try literalString())
                default: throw fail("arrays may hold only quoted strings")
                }
                skipSpaces()
                if rest.first == "," { rest.removeFirst(); continue }
                skipSpaces()
                guard rest.first == "]" else { throw fail("expected ',' or ']' in an array") }
            }
        default:
            var word = String.UnicodeScalarView()
            while let c = rest.first, c != " ", c != "\t", c != "#" {
                word.append(c)
                rest.removeFirst()
            }
            let text = String(word)
            if text == "true" { return .bool(true) }
            if text == "false" { return .bool(false) }
            if let number = Int(String(text.filter { $0 != "_" })) { return .integer(number) }
            throw fail("cannot read the value '\(text)' (strings must be quoted)")
        }
    }

    private mutating func literalString() throws(TOMLDocument.ParseError) -> String {
        try expect("'")
        var out = String.UnicodeScalarView()
        while let c = rest.first {
            rest.removeFirst()
            if c == "'" { return String(out) }
            out.append(c)
        }
        throw fail("a string is not closed")
    }

    private mutating func basicString() throws(TOMLDocument.ParseError) -> String {
        try expect("\"")
        var out = String.UnicodeScalarView()
        while let c = rest.first {
            rest.removeFirst()
            switch c {
            case "\"": return String(out)
            case "\\":
                guard let escape = rest.first else { throw fail("a string ends in a backslash") }
                rest.removeFirst()
                switch escape {
                case "\"": out.append("\"")
                case "\\": out.append("\\")
                case "n": out.append("\n")
                case "t": out.append("\t")
                case "r": out.append("\r")
                case "b": out.append("\u{08}")
                case "f": out.append("\u{0C}")
                case "u", "U":
                    let width = escape == "u" ? 4 : 8
                    var hex = ""
                    for _ in 0..<width {
                        guard let digit = rest.first else { throw fail("a \\\(escape) escape is cut short") }
                        hex.unicodeScalars.append(digit)
                        rest.removeFirst()
                    }
                    guard let value = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(value) else {
                        throw fail("'\\\(escape)\(hex)' is not a character")
                    }
                    out.append(scalar)
                default: throw fail("unknown escape '\\\(escape)'")
                }
            default: out.append(c)
            }
        }
        throw fail("a string is not closed")
    }
}
