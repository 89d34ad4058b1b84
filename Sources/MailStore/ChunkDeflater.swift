import CZlib

/// One zlib raw-deflate stream with fixed parameters, reset between uses.
private final class DeflateStream {
    private var stream = z_stream()
    private var ready = false
    private let level: Int32
    private let strategy: Int32

    init(level: Int32, strategy: Int32) {
        self.level = level
        self.strategy = strategy
    }

    deinit {
        if ready { deflateEnd(&stream) }
    }

    /// Compresses `input` into `output` (at least `bound(input.count)` bytes); the compressed size,
    /// or nil if zlib failed.
    func compress(_ input: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer) -> Int? {
        if !ready {
            guard czlib_deflate_init2(&stream, level, -15, 8, strategy) == Z_OK else { return nil }
            ready = true
        } else {
            deflateReset(&stream)
        }
        stream.next_in = UnsafeMutablePointer(mutating: input.bindMemory(to: UInt8.self).baseAddress)
        stream.avail_in = uInt(input.count)
        stream.next_out = output.bindMemory(to: UInt8.self).baseAddress
        stream.avail_out = uInt(output.count)
        let status = deflate(&stream, Z_FINISH)
        stream.next_in = nil
        stream.next_out = nil
        return status == Z_STREAM_END ? output.count - Int(stream.avail_out) : nil
    }

    /// The largest compressed size of `count` bytes (zlib's deflateBound plus a margin).
    static func bound(_ count: Int) -> Int { count + count / 1000 + 64 }
}

/// Compresses chunks with zlib's raw deflate, reusing its streams.
///
/// Per chunk it picks LZ77 + Huffman at the configured level for text, and Huffman coding alone
/// for chunks that LZ77 hardly shrinks (base64 attachments, the bulk of mail by size): on those it is
/// several times faster and even a little smaller. The choice comes from compressing three 4 KiB
/// samples (start, middle, end) of a chunk of 32 KiB or more: two that shrink by less than 28 %
/// select Huffman coding.
final class ChunkDeflater {
    private let level: Int32
    private let lz: DeflateStream
    private let huffman: DeflateStream
    private let sampler: DeflateStream
    private var output: [UInt8] = []
    private var sample: [UInt8] = []

    /// Chunks shorter than this are compressed with LZ77 without sampling.
    static let samplingThreshold = 32 * 1024
    /// Size of each of the three samples.
    static let sampleSize = 4 * 1024
    /// A sample compressed to more than this fraction of its size selects Huffman-only coding.
    static let huffmanRatio = 0.72

    init(level: Int32) {
        self.level = max(0, min(9, level))
        lz = DeflateStream(level: self.level, strategy: Z_DEFAULT_STRATEGY)
        huffman = DeflateStream(level: max(1, self.level), strategy: Z_HUFFMAN_ONLY)
        sampler = DeflateStream(level: 1, strategy: Z_DEFAULT_STRATEGY)
    }

    /// Compresses one chunk and calls `body` with the stored form: deflated when smaller, else as is.
    func encode<T>(_ chunk: UnsafeRawBufferPointer, _ body: (ChunkMethod, UnsafeRawBufferPointer) throws -> T) throws -> T {
        guard level > 0, chunk.count > 0 else { return try body(.stored, chunk) }
        let stream = looksIncompressible(chunk) ? huffman : lz
        let bound = DeflateStream.bound(chunk.count)
        if output.count < bound { output = [UInt8](repeating: 0, count: bound) }
        let produced = output.withUnsafeMutableBytes { stream.compress(chunk, into: $0) }
        guard let produced, produced < chunk.count else { return try body(.stored, chunk) }
        return try output.withUnsafeBytes { try body(.deflate, UnsafeRawBufferPointer(rebasing: $0[0..<produced])) }
    }

    private func looksIncompressible(_ chunk: UnsafeRawBufferPointer) -> Bool {
        guard chunk.count >= Self.samplingThreshold else { return false }
        let size = Self.sampleSize
        if sample.count < DeflateStream.bound(size) { sample = [UInt8](repeating: 0, count: DeflateStream.bound(size)) }
        // Start, middle and end: a message with a text body and a large attachment is mostly attachment.
        var incompressible = 0
        for start in [0, chunk.count / 2 - size / 2, chunk.count - size] {
            let input = UnsafeRawBufferPointer(rebasing: chunk[start..<start + size])
            let produced = sample.withUnsafeMutableBytes { sampler.compress(input, into: $0) }
            if let produced, Double(produced) > Self.huffmanRatio * Double(size) { incompressible += 1 }
        }
        return incompressible >= 2
    }
}
