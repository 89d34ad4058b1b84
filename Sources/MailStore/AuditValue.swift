/// A value in an audit entry's payload. Payloads are stored as canonical JSON: objects with keys in
/// byte order, no whitespace, integers in decimal, strings with only `"`, `\` and control characters
/// escaped, so the same payload always has the same bytes (and hash).
public enum AuditValue: Hashable, Sendable {
    /// JSON null.
    case null
    /// true or false.
    case bool(Bool)
    /// An integer.
    case int(Int64)
    /// A string.
    case string(String)
    /// An array.
    case array([AuditValue])
    /// An object.
    case object([String: AuditValue])

    /// The canonical JSON text.
    public var canonicalJSON: String {
        var out = ""
        write(to: &out)
        return out
    }

    /// Appends the canonical JSON text to `out`.
    func write(to out: inout String) {
        switch self {
        case .null: out += "null"
        case .bool(let value): out += value ? "true" : "false"
        case .int(let value): out += String(value)
        case .string(let value): Self.writeString(value, to: &out)
        case .array(let values):
            out += "["
            for (index, value) in values.enumerated() {
                if index > 0 { out += "," }
                value.write(to: &out)
            }
            out += "]"
        case .object(let fields):
            out += "{"
            for (index, key) in fields.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }).enumerated() {
                if index > 0 { out += "," }
                Self.writeString(key, to: &out)
                out += ":"
                fields[key]!.write(to: &out)
            }
            out += "}"
        }
    }

    private static func writeString(_ value: String, to out: inout String) {
        out += "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
    }
}

extension AuditValue {
    /// A string, or null for nil.
    static func optional(_ value: String?) -> AuditValue { value.map(AuditValue.string) ?? .null }
    /// An integer, or null for nil.
    static func optional(_ value: Int64?) -> AuditValue { value.map(AuditValue.int) ?? .null }
}
