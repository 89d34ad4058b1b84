import MailModel

/// One entity of a decoded message: where it is, what it is, and a digest of its decoded content.
public struct DecodedPart: Hashable, Sendable {
    /// The IMAP section number (RFC 3501 6.4.5); `1.uu1` for a uuencoded block inside part 1.
    public var path: PartPath
    /// How the reader read it.
    public var kind: MIMEPart.Kind
    /// `type/subtype`, lowercased (the effective type: defaults applied).
    public var contentType: String
    /// The declared charset, lowercased, for parts that declare one.
    public var charset: String?
    /// `inline`, `attachment` or another disposition type, if declared.
    public var disposition: String?
    /// The file name (RFC 2183 / RFC 2231 / RFC 2047 decoded).
    public var filename: String?
    /// The Content-ID, without angle brackets.
    public var contentID: String?
    /// The Content-Transfer-Encoding.
    public var transferEncoding: String
    /// Bytes of decoded content (for a multipart, bytes of its body as written).
    public var size: Int
    /// SHA-256 of the decoded content; nil for multiparts, which have no content of their own.
    public var sha256: SHA256Digest?
    /// The decoded text of a `text/*` part (HTML as visible text), bounded by `maxPartTextBytes`.
    public var text: String?
    /// Whether the text was cut at `maxPartTextBytes`.
    public var isTextTruncated: Bool
    /// Whether a reader would call it an attachment.
    public var isAttachment: Bool
}
