/// The part of a message a `BODY[...]` or `BINARY[...]` fetch names: `[]`, `[HEADER]`, `[1.2.TEXT]`,
/// `[HEADER.FIELDS (From Subject)]`, `[2.MIME]`.
///
/// - SeeAlso: RFC 3501 6.4.5 and 9 (`section`), RFC 3516 (BINARY).
public struct SectionSpecifier: Hashable, Sendable, CustomStringConvertible {
    /// What of the part is meant.
    public enum Kind: Hashable, Sendable {
        /// The whole part (or the whole message when `part` is empty).
        case complete
        /// `HEADER`.
        case header
        /// `HEADER.FIELDS (names)`.
        case headerFields([String])
        /// `HEADER.FIELDS.NOT (names)`.
        case headerFieldsNot([String])
        /// `TEXT`.
        case text
        /// `MIME` (only with a part number).
        case mime
    }

    /// The part number path, `[1, 2]` for `1.2`; empty for the top level.
    public var part: [Int]
    /// What of the part.
    public var kind: Kind

    /// A section.
    public init(part: [Int] = [], kind: Kind = .complete) {
        self.part = part
        self.kind = kind
    }

    /// `[]`: the whole message.
    public static let complete = SectionSpecifier()
    /// `[HEADER]`.
    public static let header = SectionSpecifier(kind: .header)
    /// `[TEXT]`.
    public static let text = SectionSpecifier(kind: .text)

    /// The text between the brackets.
    public var description: String {
        var pieces = part.map(String.init)
        switch kind {
        case .complete: break
        case .header: pieces.append("HEADER")
        case .headerFields(let names): pieces.append("HEADER.FIELDS (\(names.joined(separator: " ")))")
        case .headerFieldsNot(let names): pieces.append("HEADER.FIELDS.NOT (\(names.joined(separator: " ")))")
        case .text: pieces.append("TEXT")
        case .mime: pieces.append("MIME")
        }
        return pieces.joined(separator: ".")
    }
}
