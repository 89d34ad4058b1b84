import MailModel

/// One attachment (or other non-body part) of a message, as the decoder listed it.
public struct AttachmentInfo: Hashable, Sendable {
    /// The part's IMAP section path, e.g. `2` or `1.3` (RFC 3501 6.4.5).
    public var path: String
    /// The decoded file name, if the part has one.
    public var filename: String?
    /// The media type, lowercase, e.g. `application/pdf`.
    public var contentType: String
    /// Size of the decoded content in bytes.
    public var size: Int
    /// SHA-256 of the decoded content.
    public var sha256: SHA256Digest?

    /// Creates an attachment entry.
    public init(path: String, filename: String?, contentType: String, size: Int, sha256: SHA256Digest? = nil) {
        self.path = path
        self.filename = filename
        self.contentType = contentType
        self.size = size
        self.sha256 = sha256
    }
}
