import MailModel

/// A message's id, raw SHA-256 and size, as the store computes and records them.
struct MessageDigests: Hashable, Sendable {
    var id: MessageID
    var rawSHA256: SHA256Digest
    var size: Int

    init(id: MessageID, rawSHA256: SHA256Digest, size: Int) {
        self.id = id
        self.rawSHA256 = rawSHA256
        self.size = size
    }

    /// The digests a caller computed with `MessageHasher`.
    init(_ result: MessageHasher.Result) {
        self.init(id: result.id, rawSHA256: result.rawSHA256, size: result.size)
    }

    /// The digests of bytes in memory.
    init(of bytes: [UInt8]) {
        var digests = StreamingDigests()
        bytes.withUnsafeBytes { digests.update($0) }
        self = digests.finalize()
    }
}
