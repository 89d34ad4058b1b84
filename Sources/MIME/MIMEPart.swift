/// One entity of a message as the reader meets it: where it is, its header fields and what they
/// say about its content (RFC 2045, RFC 2046, RFC 2183).
public struct MIMEPart: Sendable {
    /// What the reader does with an entity's body.
    public enum Kind: Hashable, Sendable {
        /// Content, delivered decoded in ``MIMEEvent/content(part:_:)`` events.
        case leaf
        /// A multipart: its children follow as entities of their own.
        case multipart
        /// An encapsulated message (message/rfc822, message/global): its bytes are delivered as
        /// content and it is parsed too, its entities following as children.
        case message
        /// A uuencoded block inside a plain-text part: decoded bytes delivered as content.
        case embedded
    }

    /// The entity's number in order of appearance; 0 is the message itself.
    public var index: Int
    /// The index of the enclosing entity (nil for the message itself).
    public var parentIndex: Int?
    /// The IMAP section number (RFC 3501 6.4.5).
    public var path: PartPath
    /// Nesting depth: 0 for the message itself.
    public var depth: Int
    /// How the body is read.
    public var kind: Kind
    /// The entity's header fields (for a message's own entity, the message header).
    public var headers: MIMEHeaders
    /// The effective content type (the default of RFC 2045 5.2 or RFC 2046 5.1.5 when missing or malformed).
    public var contentType: ContentType
    /// The Content-Transfer-Encoding.
    public var transferEncoding: TransferEncoding
    /// The Content-Disposition, if given.
    public var disposition: ContentDisposition?
    /// Whether the header fields are a message's header (the top level, or an encapsulated message).
    public var isMessageRoot: Bool
    /// The content type of the enclosing multipart, if any.
    public var parentContentType: ContentType?
    /// For ``Kind/embedded`` parts, the file name of the uuencode `begin` line.
    public var embeddedFilename: String?

    /// Whether the entity has an IMAP section number of its own: every one but the multipart body
    /// of a message (the top level, or an encapsulated message, which is numbered by its message).
    public var isNumbered: Bool { !(kind == .multipart && isMessageRoot) }

    /// The file name: Content-Disposition's filename, else Content-Type's name (RFC 2183 2.3, RFC 2231).
    public var filename: String? {
        if let embeddedFilename { return embeddedFilename }
        let name = disposition?.filename ?? contentType.parameters["name"]
        guard let name, !name.isEmpty else { return nil }
        return name
    }

    /// The Content-ID, without angle brackets (RFC 2045 7).
    public var contentID: String? {
        headers.unfoldedText(of: "Content-ID").flatMap { MessageIDs.first(in: $0) }
    }

    /// The declared charset of a text part, lowercased.
    public var charset: String? {
        contentType.charset.map { Charset(label: $0).label }.flatMap { $0.isEmpty ? nil : $0 }
    }

    /// Whether a reader would call this part an attachment: something to save rather than the
    /// message's own text. Attachment dispositions and named parts are; body text, multipart
    /// containers, signatures and inline resources of multipart/related are not.
    public var isAttachment: Bool {
        switch kind {
        case .multipart: return false
        case .embedded: return true
        case .message: return !isMessageRoot
        case .leaf: break
        }
        if MIMEPart.signatureTypes.contains(contentType.mimeType) { return false }
        if disposition?.isAttachment == true { return true }
        // A resource of an HTML page (referenced by its Content-ID) is part of the page.
        if parentContentType?.subtype == "related",
           filename == nil || disposition?.isInline == true || headers.rawValue(of: "Content-ID") != nil {
            return false
        }
        if filename != nil { return true }
        if contentType.isText { return false }
        if contentType.type == "message" { return false }  // delivery-status, disposition-notification...
        return true
    }

    /// Types that carry signatures or protocol data rather than files.
    static let signatureTypes: Set<String> = [
        "application/pgp-signature", "application/pkcs7-signature", "application/x-pkcs7-signature",
        "application/pgp-encrypted", "application/pkcs7-mime-signature",
    ]
}
