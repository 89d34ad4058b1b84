/// The MIME structure of a message as the server describes it (BODYSTRUCTURE).
///
/// - SeeAlso: RFC 3501 7.4.2 (`body`), RFC 9051 7.5.2.
public indirect enum BodyStructure: Hashable, Sendable {
    /// A leaf part.
    case singlepart(SinglePartBody)
    /// A multipart with its children.
    case multipart(MultipartBody)
}

/// A parameter of a body part, `("charset" "utf-8")`.
public struct BodyParameter: Hashable, Sendable {
    /// The attribute name.
    public var name: String
    /// The value.
    public var value: String

    /// A parameter.
    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}

/// A Content-Disposition as BODYSTRUCTURE gives it, `("attachment" ("filename" "a.pdf"))`.
public struct BodyDisposition: Hashable, Sendable {
    /// `inline`, `attachment`...
    public var kind: String
    /// Its parameters.
    public var parameters: [BodyParameter]

    /// A disposition.
    public init(kind: String, parameters: [BodyParameter]) {
        self.kind = kind
        self.parameters = parameters
    }
}

/// The extension data after the basic fields; each is nil when absent or NIL.
public struct BodyExtension: Hashable, Sendable {
    /// Content-MD5 (single parts only).
    public var md5: String?
    /// Content-Disposition.
    public var disposition: BodyDisposition?
    /// Content-Language values.
    public var language: [String]
    /// Content-Location.
    public var location: String?

    /// Extension data.
    public init(md5: String? = nil, disposition: BodyDisposition? = nil, language: [String] = [],
                location: String? = nil) {
        self.md5 = md5
        self.disposition = disposition
        self.language = language
        self.location = location
    }
}
