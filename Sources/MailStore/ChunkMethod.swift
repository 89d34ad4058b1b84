/// How a chunk's bytes are stored (the `method` column of `message_chunk`).
enum ChunkMethod: Int64 {
    /// The bytes as they are (when compressing would not make them smaller).
    case stored = 0
    /// Raw deflate (zlib with windowBits -15: no header or checksum; the SHA-256 checks the bytes).
    case deflate = 1
}
