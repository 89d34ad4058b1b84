/// A media type with its parameters (RFC 2045 5.1): `text/plain; charset=utf-8`.
public struct ContentType: Hashable, Sendable, CustomStringConvertible {
    /// The lowercased top-level type (`text`).
    public var type: String
    /// The lowercased subtype (`plain`).
    public var subtype: String
    /// The parameters.
    public var parameters: MIMEParameters

    /// Creates a content type.
    public init(type: String, subtype: String, parameters: MIMEParameters = MIMEParameters()) {
        self.type = type.lowercased()
        self.subtype = subtype.lowercased()
        self.parameters = parameters
    }

    /// `text/plain; charset=us-ascii`, the default of RFC 2045 5.2.
    public static let textPlain = ContentType(type: "text", subtype: "plain")
    /// `message/rfc822`, the default inside multipart/digest (RFC 2046 5.1.5).
    public static let messageRFC822 = ContentType(type: "message", subtype: "rfc822")
    /// `application/octet-stream`.
    public static let octetStream = ContentType(type: "application", subtype: "octet-stream")

    /// `type/subtype`, lowercased.
    public var mimeType: String { type + "/" + subtype }

    /// `type/subtype`.
    public var description: String { mimeType }

    /// The charset parameter.
    public var charset: String? { parameters["charset"] }

    /// The boundary parameter's bytes, exactly as written (RFC 2046 5.1.1).
    public var boundary: [UInt8]? {
        guard let raw = parameters.parameter("boundary")?.rawValue, !raw.isEmpty else { return nil }
        return raw
    }

    /// Whether this is a multipart type.
    public var isMultipart: Bool { type == "multipart" }

    /// Whether this is a message that is parsed as one: message/rfc822, message/global, message/news.
    public var isEncapsulatedMessage: Bool {
        type == "message" && (subtype == "rfc822" || subtype == "global" || subtype == "news")
    }

    /// Whether this is a text type.
    public var isText: Bool { type == "text" }

    /// Parses a Content-Type field value; nil when it names no type at all.
    ///
    /// A value without a subtype or with invalid characters is malformed; the caller then uses the
    /// default (RFC 2045 5.2). Missing `;` before parameters, comments and stray quotes are tolerated.
    public static func parse<Bytes: Collection>(_ raw: Bytes) -> (contentType: ContentType?, malformed: Bool)
    where Bytes.Element == UInt8 {
        let bytes = unfoldedBytes(raw)
        var index = 0
        func skipSpaceAndComments() {
            while index < bytes.count {
                if ASCII.isSpaceOrBreak(bytes[index]) {
                    index += 1
                } else if bytes[index] == UInt8(ascii: "(") {
                    index = ParameterScanner.skipComment(bytes, from: index)
                } else {
                    break
                }
            }
        }
        func token() -> String {
            let start = index
            while index < bytes.count, isTokenByte(bytes[index]) { index += 1 }
            return ASCII.lowercasedString(bytes[start..<index])
        }
        skipSpaceAndComments()
        if index < bytes.count, bytes[index] == ASCII.quote { index += 1 }
        let type = token()
        skipSpaceAndComments()
        guard !type.isEmpty, index < bytes.count, bytes[index] == UInt8(ascii: "/") else {
            return (nil, true)
        }
        index += 1
        skipSpaceAndComments()
        let subtype = token()
        guard !subtype.isEmpty else { return (nil, true) }
        if index < bytes.count, bytes[index] == ASCII.quote { index += 1 }
        let parameters = MIMEParameters.parse(bytes, from: index)
        return (ContentType(type: type, subtype: subtype, parameters: parameters), false)
    }

    /// RFC 2045 token characters (printable ASCII but tspecials), plus a few seen in the wild.
    static func isTokenByte(_ byte: UInt8) -> Bool {
        guard byte > 32, byte < 127 else { return false }
        switch byte {
        case UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "@"),
             UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: ":"), ASCII.backslash, ASCII.quote,
             UInt8(ascii: "/"), UInt8(ascii: "["), UInt8(ascii: "]"), ASCII.question, ASCII.equals:
            return false
        default:
            return true
        }
    }

    static func unfoldedBytes<Bytes: Collection>(_ raw: Bytes) -> [UInt8] where Bytes.Element == UInt8 {
        var bytes = [UInt8]()
        bytes.reserveCapacity(raw.count)
        for byte in raw where byte != ASCII.cr && byte != ASCII.lf { bytes.append(byte) }
        return bytes
    }
}
