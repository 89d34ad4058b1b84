import CZlib

/// Inflates stored chunks, reusing one stream and one output buffer.
final class ChunkInflater {
    private var stream = z_stream()
    private var output: [UInt8] = []
    private var ready = false

    init() {}

    deinit {
        if ready { inflateEnd(&stream) }
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
