/// One header field with its value decoded: unfolded, 8-bit bytes read as UTF-8 or the fallback
/// charset, RFC 2047 encoded-words decoded, surrounding whitespace trimmed.
public struct HeaderField: Hashable, Sendable, CustomStringConvertible {
    /// The field name as written (`Subject`).
    public var name: String
    /// The decoded value.
    public var value: String

    /// Creates a field.
    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }

    /// `Name: value`.
    public var description: String { "\(name): \(value)" }
}
