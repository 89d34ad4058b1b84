/// What a FETCH command asks for about each message.
///
/// - SeeAlso: RFC 3501 6.4.5, RFC 7162 3.1.4 (MODSEQ), RFC 3516 (BINARY).
public enum FetchItem: Hashable, Sendable {
    /// `UID`.
    case uid
    /// `FLAGS`.
    case flags
    /// `INTERNALDATE`.
    case internalDate
    /// `RFC822.SIZE`.
    case rfc822Size
    /// `ENVELOPE`.
    case envelope
    /// `BODYSTRUCTURE`.
    case bodyStructure
    /// `MODSEQ` (CONDSTORE).
    case modSeq
    /// `BODY[section]<offset.length>`, or `BODY.PEEK[...]` when `peek` (does not set \Seen).
    case body(SectionSpecifier, peek: Bool = true, partial: ClosedRange<Int>? = nil)
    /// `BINARY[section]` / `BINARY.PEEK[...]`: the part with its transfer encoding undone.
    case binary(part: [Int], peek: Bool = true)
    /// `BINARY.SIZE[section]`.
    case binarySize(part: [Int])
    /// `X-GM-MSGID` (Gmail).
    case gmailMessageID
    /// `X-GM-THRID` (Gmail).
    case gmailThreadID
    /// `X-GM-LABELS` (Gmail).
    case gmailLabels

    /// The wire form.
    public var wireText: String {
        switch self {
        case .uid: return "UID"
        case .flags: return "FLAGS"
        case .internalDate: return "INTERNALDATE"
        case .rfc822Size: return "RFC822.SIZE"
        case .envelope: return "ENVELOPE"
        case .bodyStructure: return "BODYSTRUCTURE"
        case .modSeq: return "MODSEQ"
        case .body(let section, let peek, let partial):
            var text = (peek ? "BODY.PEEK[" : "BODY[") + section.description + "]"
            if let partial { text += "<\(partial.lowerBound).\(partial.count)>" }
            return text
        case .binary(let part, let peek):
            return (peek ? "BINARY.PEEK[" : "BINARY[") + part.map(String.init).joined(separator: ".") + "]"
        case .binarySize(let part):
            return "BINARY.SIZE[" + part.map(String.init).joined(separator: ".") + "]"
        case .gmailMessageID: return "X-GM-MSGID"
        case .gmailThreadID: return "X-GM-THRID"
        case .gmailLabels: return "X-GM-LABELS"
        }
    }
}
