/// A leaf part of a BODYSTRUCTURE: type, fields, and for text and message/rfc822 parts their extras.
public struct SinglePartBody: Hashable, Sendable {
    /// What kind of leaf.
    public enum Kind: Hashable, Sendable {
        /// Any type but text and message/rfc822.
        case basic
        /// `text/*` with its line count.
        case text(lines: Int)
        /// `message/rfc822` (or `message/global`) with the enclosed message's envelope, structure and lines.
        case message(Envelope, BodyStructure, lines: Int)
    }

    /// The media type, lower-cased (`text`).
    public var type: String
    /// The media subtype, lower-cased (`plain`).
    public var subtype: String
    /// Content-Type parameters.
    public var parameters: [BodyParameter]
    /// Content-ID.
    public var id: String?
    /// Content-Description.
    public var description: String?
    /// Content-Transfer-Encoding, lower-cased (`base64`).
    public var encoding: String
    /// The size of the encoded body in bytes.
    public var octets: Int
    /// Text, message or basic.
    public var kind: Kind
    /// Extension data, when the server sent it.
    public var extensionData: BodyExtension?

    /// A leaf part.
    public init(type: String, subtype: String, parameters: [BodyParameter] = [], id: String? = nil,
                description: String? = nil, encoding: String = "7bit", octets: Int, kind: Kind = .basic,
                extensionData: BodyExtension? = nil) {
        self.type = type
        self.subtype = subtype
        self.parameters = parameters
        self.id = id
        self.description = description
        self.encoding = encoding
        self.octets = octets
        self.kind = kind
        self.extensionData = extensionData
    }
}

/// A multipart of a BODYSTRUCTURE.
public struct MultipartBody: Hashable, Sendable {
    /// The children in order.
    public var parts: [BodyStructure]
    /// The subtype, lower-cased (`mixed`, `alternative`).
    public var subtype: String
    /// Content-Type parameters (boundary...), when extension data was sent.
    public var parameters: [BodyParameter]
    /// Extension data, when the server sent it (md5 is always nil).
    public var extensionData: BodyExtension?

    /// A multipart.
    public init(parts: [BodyStructure], subtype: String, parameters: [BodyParameter] = [],
                extensionData: BodyExtension? = nil) {
        self.parts = parts
        self.subtype = subtype
        self.parameters = parameters
        self.extensionData = extensionData
    }
}
