import CZlib

/// How a chunk's bytes are stored (the `method` column of `message_chunk`).
enum ChunkMethod: Int64 {
    /// The bytes as they are (when compressing would not make them smaller).
    case stored = 0
    /// Raw deflate (zlib with windowBits -15: no header or checksum; the SHA-256 checks the bytes).
    case deflate = 1
}

/// Compresses chunks with zlib's raw deflate, reusing one stream (deflateReset between chunks).
final class ChunkDeflater {
    private var stream = z_stream()
    private var output: [UInt8] = []
    private let level: Int32
    private var ready = false

    init(level: Int32) {
        self.level = max(0, min(9, level))
    }

    deinit {
        if ready { deflateEnd(&stream) }
    }

    /// Compresses one chunk and calls `body` with the stored form: deflated when smaller, else as is.
    func encode<T>(_ chunk: UnsafeRawBufferPointer, _ body: (ChunkMethod, UnsafeRawBufferPointer) throws -> T) throws -> T {
        guard level > 0, chunk.count > 0 else { return try body(.stored, chunk) }
        if !ready {
            guard czlib_deflate_init2(&stream, level, -15, 8, Z_DEFAULT_STRATEGY) == Z_OK else {
                return try body(.stored, chunk)
            }
            ready = true
        } else {
            deflateReset(&stream)
        }
        let bound = Int(deflateBound(&stream, uLong(chunk.count)))
        if output.count < bound { output = [UInt8](repeating: 0, count: bound) }
        let produced: Int? = output.withUnsafeMutableBytes { out in
            stream.next_in = UnsafeMutablePointer(mutating: chunk.bindMemory(to: UInt8.self).baseAddress)
            stream.avail_in = uInt(chunk.count)
            stream.next_out = out.bindMemory(to: UInt8.self).baseAddress
            stream.avail_out = uInt(out.count)
            let status = deflate(&stream, Z_FINISH)
            stream.next_in = nil
            stream.next_out = nil
            return status == Z_STREAM_END ? out.count - Int(stream.avail_out) : nil
        }
        guard let produced, produced < chunk.count else { return try body(.stored, chunk) }
        return try output.withUnsafeBytes { try body(.deflate, UnsafeRawBufferPointer(rebasing: $0[0..<produced])) }
    }
}

/// Inflates stored chunks, reusing one stream and one output buffer.
final class ChunkInflater {
    private var stream = z_stream()
    private var output: [UInt8] = []
    private var ready = false

    init() {}

    deinit {
        if ready { inflateEnd(&stream) }
    }

    /// Decodes one stored chunk of `rawSize` bytes and calls `body` with them; nil from `body`'s side
    /// is impossible, a damaged chunk returns nil here instead.
    func decode<T>(method: Int64, rawSize: Int, data: UnsafeRawBufferPointer,
                   _ body: (UnsafeRawBufferPointer) throws -> T) throws -> T? {
        switch ChunkMethod(rawValue: method) {
        case .stored:
            guard data.count == rawSize else { return nil }
            return try body(data)
        case .deflate:
            guard rawSize > 0 else { return nil }
            if !ready {
                guard czlib_inflate_init2(&stream, -15) == Z_OK else { return nil }
                ready = true
            } else {
                inflateReset(&stream)
            }
            // One spare byte: inflating more than rawSize bytes is detected, not truncated silently.
            if output.count < rawSize + 1 { output = [UInt8](repeating: 0, count: rawSize + 1) }
            let produced: Int? = output.withUnsafeMutableBytes { out in
                stream.next_in = UnsafeMutablePointer(mutating: data.bindMemory(to: UInt8.self).baseAddress)
                stream.avail_in = uInt(data.count)
                stream.next_out = out.bindMemory(to: UInt8.self).baseAddress
                stream.avail_out = uInt(rawSize + 1)
                let status = inflate(&stream, Z_FINISH)
                stream.next_in = nil
                stream.next_out = nil
                guard status == Z_STREAM_END, stream.avail_in == 0 else { return nil }
                return rawSize + 1 - Int(stream.avail_out)
            }
            guard let produced, produced == rawSize else { return nil }
            return try output.withUnsafeBytes { try body(UnsafeRawBufferPointer(rebasing: $0[0..<rawSize])) }
        case nil:
            return nil
        }
    }
}
