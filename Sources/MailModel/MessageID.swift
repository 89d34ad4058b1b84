/// The identity of an archived message: the SHA-256 of its bytes after every bare LF became CRLF.
///
/// This is the form IMAP sends, so one message fetched over IMAP and imported from a Maildir has one
/// id. Printed as 64 lowercase hex digits; commands accept any unique prefix of 8 or more.
public struct MessageID: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The digest behind the id.
    public let digest: SHA256Digest

    /// Wraps a digest computed over the CRLF form of a message.
    public init(digest: SHA256Digest) {
        self.digest = digest
    }

    /// Parses a full 64-digit hex id; nil otherwise.
    public init?(hex: String) {
        guard let digest = SHA256Digest(hex: hex) else { return nil }
        self.digest = digest
    }

    /// The id of a whole message held in memory.
    public static func of<Bytes: Sequence>(_ bytes: Bytes) -> MessageID where Bytes.Element == UInt8 {
        var hasher = MessageHasher()
        hasher.update(Array(bytes))
        return hasher.finalize().id
    }

    /// 64 lowercase hex digits.
    public var hex: String { digest.hex }

    /// The first 12 hex digits, as tables print it.
    public var short: String { String(hex.prefix(12)) }

    /// The hex form.
    public var description: String { hex }

    /// Orders ids by their digests.
    public static func < (lhs: MessageID, rhs: MessageID) -> Bool { lhs.digest < rhs.digest }

    /// Whether a string could be an id prefix: 8 to 64 hex digits.
    public static func isPrefix(_ text: String) -> Bool {
        (8...64).contains(text.utf8.count) && text.utf8.allSatisfy { HexDigits.value($0) != nil }
    }
}
