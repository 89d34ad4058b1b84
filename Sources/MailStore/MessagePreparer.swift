import MailModel

/// Prepares messages one after another, reusing its compressor (one per worker thread; not
/// thread-safe).
public final class MessagePreparer {
    private let chunkSize: Int
    private let deflater: ChunkDeflater

    /// A preparer with the chunk size and compression level of `options`.
    public init(options: MailStore.Options = MailStore.Options()) {
        chunkSize = max(1, options.chunkSize)
        deflater = ChunkDeflater(level: options.compressionLevel)
    }

    /// Hashes and compresses a message.
    public func prepare(_ bytes: [UInt8]) -> PreparedMessage {
        var chunks: [PreparedMessage.Chunk] = []
        chunks.reserveCapacity((bytes.count + chunkSize - 1) / chunkSize)
        bytes.withUnsafeBytes { all in
            var offset = 0
            while offset < all.count {
                let end = min(all.count, offset + chunkSize)
                let chunk = UnsafeRawBufferPointer(rebasing: all[offset..<end])
                // encode only throws what its body throws; this body does not throw.
                let stored = try? deflater.encode(chunk) { method, data in
                    PreparedMessage.Chunk(method: method, rawSize: chunk.count, data: Array(data))
                }
                if let stored { chunks.append(stored) }
                offset = end
            }
        }
        return PreparedMessage(digests: MessageDigests(of: bytes), chunks: chunks)
    }
}
