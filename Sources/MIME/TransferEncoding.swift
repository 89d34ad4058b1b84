/// A Content-Transfer-Encoding (RFC 2045 6).
public enum TransferEncoding: Hashable, Sendable, CustomStringConvertible {
    /// `7bit`, the default.
    case sevenBit
    /// `8bit`.
    case eightBit
    /// `binary`.
    case binary
    /// `base64` (RFC 2045 6.8).
    case base64
    /// `quoted-printable` (RFC 2045 6.7).
    case quotedPrintable
    /// `x-uuencode` and its spellings (not standard, but seen).
    case uuencode
    /// Any other value, lowercased; the content is taken as it is.
    case other(String)

    /// Parses a header value, ignoring case, surrounding space, quotes and comments.
    public init(headerValue: String?) {
        guard let headerValue else {
            self = .sevenBit
            return
        }
        var token = headerValue.lowercased()
        if let paren = token.firstIndex(of: "(") { token = String(token[..<paren]) }
        if let semicolon = token.firstIndex(of: ";") { token = String(token[..<semicolon]) }
        token = token.filter { !$0.isWhitespace && $0 != "\"" && $0 != "'" }
        switch token {
        case "", "7bit", "7-bit", "us-ascii", "ascii": self = .sevenBit
        case "8bit", "8-bit", "8bits": self = .eightBit
        case "binary": self = .binary
        case "base64", "base-64", "x-base64": self = .base64
        case "quoted-printable", "quotedprintable", "quoted_printable", "qp", "x-quoted-printable": self = .quotedPrintable
        case "x-uuencode", "uuencode", "x-uue", "uue", "x-uu": self = .uuencode
        default: self = .other(token)
        }
    }

    /// The canonical name.
    public var description: String {
        switch self {
        case .sevenBit: return "7bit"
        case .eightBit: return "8bit"
        case .binary: return "binary"
        case .base64: return "base64"
        case .quotedPrintable: return "quoted-printable"
        case .uuencode: return "x-uuencode"
        case .other(let name): return name
        }
    }
}
