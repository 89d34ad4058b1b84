import MailModel

/// A message hashed and compressed ahead of its write transaction, on any thread, so that the one
/// writer only writes rows: the engine's worker tasks prepare a batch in parallel, then store it with
/// `WriteTransaction.insertMessage(prepared:metadata:sighting:)`.
///
/// Holds the compressed bytes in memory: meant for messages that are in memory anyway; stream larger
/// ones through `WriteTransaction.beginMessage()` or a `MessageByteSource`.
public struct PreparedMessage: Sendable {
    /// One stored chunk.
    struct Chunk: Sendable {
        var method: ChunkMethod
        var rawSize: Int
        var data: [UInt8]
    }

    /// The digests the message will be stored under.
    let digests: MessageDigests
    /// The chunks as they will be stored.
    let chunks: [Chunk]

    /// The message's id (SHA-256 of its CRLF form).
    public var id: MessageID { digests.id }
    /// SHA-256 of the bytes as received.
    public var rawSHA256: SHA256Digest { digests.rawSHA256 }
    /// Size of the bytes as received.
    public var size: Int { digests.size }

    /// Bytes of all chunks as stored.
    public var storedSize: Int { chunks.reduce(0) { $0 + $1.data.count } }

    init(digests: MessageDigests, chunks: [Chunk]) {
        self.digests = digests
        self.chunks = chunks
    }

    /// Prepares a message with the chunk size and compression level of `options`.
    public init(bytes: [UInt8], options: MailStore.Options = MailStore.Options()) {
        self = MessagePreparer(options: options).prepare(bytes)
    }
}
