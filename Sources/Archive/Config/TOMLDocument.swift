/// The small part of TOML that `config.toml` uses: comments, `[table.sub]` headers, and keys whose
/// values are strings, integers, booleans or arrays of strings.
///
/// Reading is strict about what it accepts and says where a problem is; writing produces what it
/// reads. Key order is kept so a file the user edited keeps its shape when Cairn rewrites it.
struct TOMLDocument: Equatable, Sendable {
    /// A value of the supported subset.
    enum Value: Equatable, Sendable {
        case string(String)
        case integer(Int)
        case bool(Bool)
        case strings([String])
    }

    /// One `[a.b]` table: its dotted path and its keys in order.
    struct Table: Equatable, Sendable {
        var path: [String]
        var entries: [(key: String, value: Value)]

        static func == (lhs: Table, rhs: Table) -> Bool {
            lhs.path == rhs.path && lhs.entries.count == rhs.entries.count
                && zip(lhs.entries, rhs.entries).allSatisfy { $0.key == $1.key && $0.value == $1.value }
        }

        /// The value of a key.
        subscript(key: String) -> Value? {
            entries.first { $0.key == key }?.value
        }
    }

    /// The tables in file order; keys before the first header belong to the table with an empty path.
    var tables: [Table] = []

    /// A problem in the file, with its line number.
    struct ParseError: Error, CustomStringConvertible, Equatable {
        var line: Int
        var reason: String
        var description: String { "config.toml line \(line): \(reason)" }
    }

    init(tables: [Table] = []) {
        self.tables = tables
    }

    /// Parses the supported subset.
    init(parsing text: String) throws(ParseError) {
        var current = Table(path: [], entries: [])
        var lineNumber = 0
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            var scanner = TOMLScanner(Substring(rawLine), line: lineNumber)
            scanner.skipSpaces()
            if scanner.atEndOrComment { continue }
            if scanner.peek == "[" {
                if !current.path.isEmpty || !current.entries.isEmpty { tables.append(current) }
                current = Table(path: try scanner.tableHeader(), entries: [])
                continue
            }
            let key = try scanner.key()
            if current.entries.contains(where: { $0.key == key }) {
                throw ParseError(line: lineNumber, reason: "the key '\(key)' is given twice")
            }
            scanner.skipSpaces()
            try scanner.expect("=")
            scanner.skipSpaces()
            let value = try scanner.value()
            scanner.skipSpaces()
            guard scanner.atEndOrComment else {
                throw ParseError(line: lineNumber, reason: "unexpected text after the value of '\(key)'")
            }
            current.entries.append((key, value))
        }
        if !current.path.isEmpty || !current.entries.isEmpty { tables.append(current) }
    }

    /// The TOML text.
    func serialized(header: String) -> String {
        var out = header
        for table in tables {
            if !table.path.isEmpty {
                out += "\n[" + table.path.map(TOMLDocument.keyText).joined(separator: ".") + "]\n"
            }
            for entry in table.entries {
                out += TOMLDocument.keyText(entry.key) + " = " + TOMLDocument.valueText(entry.value) + "\n"
            }
        }
        return out
    }

    private static func keyText(_ key: String) -> String {
        let bare = !key.isEmpty && key.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_"
        }
        return bare ? key : quoted(key)
    }

    private static func valueText(_ value: Value) -> String {
        switch value {
        case .string(let text): return quoted(text)
        case .integer(let number): return String(number)
        case .bool(let flag): return flag ? "true" : "false"
        case .strings(let list): return "[" + list.map(quoted).joined(separator: ", ") + "]"
        }
    }

    private static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            case let c where c.value < 0x20 || c.value == 0x7F:
                let hex = String(c.value, radix: 16, uppercase: true)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
