import Foundation
import MailModel

/// A message's bytes already cut into chunks and compressed as the store keeps them, with the
/// message's digests: made on any thread (the engine's workers), so that the one writer only writes
/// them (``WriteTransaction/insertMessage(encoded:metadata:sighting:)``).
///
/// ```swift
/// let encoder = EncodedMessage.Encoder()                       // one per thread
/// let encoded = encoder.encode(bytes, digests: digests)        // on a worker
/// try store.write { tx in try tx.insertMessage(encoded: encoded, metadata: meta, sighting: seen) }
/// ```
public struct EncodedMessage: Sendable {
    /// One stored chunk.
    struct Chunk: Sendable {
        let method: ChunkMethod
        let rawSize: Int
        let data: Data
    }

    let chunks: [Chunk]
    /// The message's digests (of the bytes as received).
    public let digests: MessageHasher.Result
    /// Bytes as stored (after compression).
    public let storedSize: Int

    /// Cuts and compresses messages as the store does (its chunk size and compression level). Not
    /// thread-safe: one per thread.
    public final class Encoder {
        private let deflater: ChunkDeflater
        private let chunkSize: Int

        /// An encoder for a store opened with `options`.
        public init(options: MailStore.Options = MailStore.Options()) {
            deflater = ChunkDeflater(level: options.compressionLevel)
            chunkSize = max(1, options.chunkSize)
        }

        /// Encodes a message held in memory; `digests` must be those of exactly these bytes (the
        /// store records them without hashing the bytes again).
        public func encode(_ bytes: UnsafeRawBufferPointer, digests: MessageHasher.Result) throws -> EncodedMessage {
            precondition(bytes.count == digests.size, "EncodedMessage: the digests are not of these bytes")
            var chunks: [Chunk] = []
            var stored = 0
            var offset = 0
            while offset < bytes.count {
                let end = min(bytes.count, offset + chunkSize)
                let piece = UnsafeRawBufferPointer(rebasing: bytes[offset..<end])
                let chunk = try deflater.encode(piece) { method, data in
                    Chunk(method: method, rawSize: piece.count, data: Data(data))
                }
                stored += chunk.data.count
                chunks.append(chunk)
                offset = end
            }
            return EncodedMessage(chunks: chunks, digests: digests, storedSize: stored)
        }
    }
}
