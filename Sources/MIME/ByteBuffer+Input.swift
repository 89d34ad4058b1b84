import NIOCore

extension ByteBuffer {
    /// Appends a new chunk to the unread rest of a reader's input. A small rest is copied into a
    /// fresh buffer with the chunk (so the storage of consumed bytes is released); a large one is
    /// appended to (amortised, so long lookaheads stay linear); no rest adopts the chunk uncopied.
    mutating func appendInput(_ chunk: ByteBuffer) {
        if readableBytes == 0 {
            self = chunk
        } else if readableBytes < 64 * 1024 {
            var merged = ByteBuffer()
            merged.reserveCapacity(readableBytes + chunk.readableBytes)
            merged.writeImmutableBuffer(self)
            merged.writeImmutableBuffer(chunk)
            self = merged
        } else {
            writeImmutableBuffer(chunk)
        }
    }
}
