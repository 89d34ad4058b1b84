import MailModel

/// A message's recorded identity and digests, without its bytes (for whole-archive checks such as
/// comparing the store with the index).
public struct StoredMessageInfo: Hashable, Sendable {
    /// Key and id.
    public var message: MessageRef
    /// SHA-256 of the bytes as received, as recorded.
    public var rawSHA256: SHA256Digest
    /// Size of the bytes as received.
    public var size: Int
    /// Whether the index holds its current document.
    public var isIndexed: Bool

    /// Creates the info.
    public init(message: MessageRef, rawSHA256: SHA256Digest, size: Int, isIndexed: Bool) {
        self.message = message
        self.rawSHA256 = rawSHA256
        self.size = size
        self.isIndexed = isIndexed
    }
}
