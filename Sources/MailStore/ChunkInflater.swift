import CDeflate

/// Inflates stored chunks with libdeflate (whole-chunk raw DEFLATE, about twice zlib's speed),
/// reusing one decompressor and one output buffer.
///
/// A chunk is at most ``MailStore/Options/chunkSize`` bytes once inflated, and its size is recorded
/// beside it, so whole-buffer decompression holds no more than streaming would.
final class ChunkInflater {
    private var decompressor: OpaquePointer?
    /// Whether a caller is streaming a message through this inflater (its buffer is being read).
    var inUse = false
    /// Uninitialized room for the largest chunk seen so far (libdeflate writes every byte it reports).
    private var output = UnsafeMutableRawBufferPointer(start: nil, count: 0)

    /// The most DEFLATE can expand its input (RFC 1951's longest match from a one-bit code).
    static let maximumExpansion = 1032

    init() {}

    deinit {
        if let decompressor { libdeflate_free_decompressor(decompressor) }
        output.deallocate()
    }

    /// Decodes one stored chunk of `rawSize` bytes and calls `body` with them; returns nil (without
    /// calling `body`) when the chunk is damaged.
    func decode<T>(method: Int64, rawSize: Int, data: UnsafeRawBufferPointer,
                   _ body: (UnsafeRawBufferPointer) throws -> T) throws -> T? {
        switch ChunkMethod(rawValue: method) {
        case .stored:
            guard data.count == rawSize else { return nil }
            return try body(data)
        case .deflate:
            // DEFLATE expands at most 1032:1; a recorded size beyond that is damage, not a reason to
            // reserve memory.
            guard rawSize > 0, rawSize <= data.count &* Self.maximumExpansion &+ 64,
                  let decompressor = readyDecompressor() else { return nil }
            if output.count < rawSize {
                output.deallocate()
                output = .allocate(byteCount: rawSize, alignment: 16)
            }
            // Exactly rawSize bytes of room: a stream that would inflate to more is refused
            // (LIBDEFLATE_INSUFFICIENT_SPACE), one that inflates to fewer is caught by the size check,
            // and bytes after the stream's last block are refused too.
            var consumed = 0
            var produced = 0
            let status = libdeflate_deflate_decompress_ex(decompressor, data.baseAddress, data.count,
                                                          output.baseAddress, rawSize, &consumed, &produced)
            guard status == LIBDEFLATE_SUCCESS, consumed == data.count, produced == rawSize else { return nil }
            return try body(UnsafeRawBufferPointer(rebasing: output[0..<rawSize]))
        case nil:
            return nil
        }
    }

    /// The decompressor, allocated on first use; nil when memory is short.
    private func readyDecompressor() -> OpaquePointer? {
        if decompressor == nil { decompressor = libdeflate_alloc_decompressor() }
        return decompressor
    }
}
