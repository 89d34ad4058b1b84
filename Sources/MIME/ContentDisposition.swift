/// A Content-Disposition field (RFC 2183): `attachment; filename="report.pdf"`.
public struct ContentDisposition: Hashable, Sendable, CustomStringConvertible {
    /// The lowercased disposition type (`inline`, `attachment`, or another token).
    public var type: String
    /// The parameters (filename, size, dates).
    public var parameters: MIMEParameters

    /// Creates a disposition.
    public init(type: String, parameters: MIMEParameters = MIMEParameters()) {
        self.type = type.lowercased()
        self.parameters = parameters
    }

    /// Whether the type is `attachment`.
    public var isAttachment: Bool { type == "attachment" }

    /// Whether the type is `inline`.
    public var isInline: Bool { type == "inline" }

    /// The filename parameter, decoded.
    public var filename: String? { parameters["filename"] }

    /// The type.
    public var description: String { type }

    /// Parses a field value. A missing type (only parameters) is read as `attachment` when a
    /// filename is given, else as `inline`.
    public static func parse<Bytes: Collection>(_ raw: Bytes) -> ContentDisposition where Bytes.Element == UInt8 {
        let bytes = ContentType.unfoldedBytes(raw)
        var index = 0
        while index < bytes.count, ASCII.isSpaceOrBreak(bytes[index]) || bytes[index] == ASCII.quote { index += 1 }
        let start = index
        while index < bytes.count, ContentType.isTokenByte(bytes[index]) { index += 1 }
        var type = ASCII.lowercasedString(bytes[start..<index])
        var parameterStart = index
        if index < bytes.count, bytes[index] == ASCII.equals {
            // No type, straight into parameters: "filename=foo.pdf".
            type = ""
            parameterStart = start
        }
        let parameters = MIMEParameters.parse(bytes, from: parameterStart)
        if type.isEmpty { type = parameters["filename"] != nil ? "attachment" : "inline" }
        return ContentDisposition(type: type, parameters: parameters)
    }
}
