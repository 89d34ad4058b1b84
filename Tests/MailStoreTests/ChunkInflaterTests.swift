@testable import MailStore
import Testing

/// Chunks written by zlib's deflater read back through libdeflate, and every malformed chunk is
/// refused rather than half-read.
@Suite struct ChunkInflaterTests {
    /// Text that LZ77 shrinks, long enough to use several deflate blocks.
    private static let text: [UInt8] = {
        var bytes: [UInt8] = []
        var line = 0
        while bytes.count < 300_000 {
            bytes += Array("Line \(line) of a message body, with some words repeated: archive, archive.\r\n".utf8)
            line += 1
        }
        return bytes
    }()

    /// Bytes that LZ77 hardly shrinks (a base64-like alphabet from a fixed generator), so the
    /// deflater picks Huffman-only coding.
    private static let noise: [UInt8] = {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        return (0..<200_000).map { _ in
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return alphabet[Int(state >> 58)]
        }
    }()

    /// Deflates `input` with the store's own deflater.
    private func deflated(_ input: [UInt8], level: Int32 = 1) throws -> (ChunkMethod, [UInt8]) {
        try input.withUnsafeBytes { raw in
            try ChunkDeflater(level: level).encode(raw) { method, stored in (method, Array(stored)) }
        }
    }

    /// The bytes `decode` hands to its body, or nil when it refused the chunk.
    private func inflated(_ method: ChunkMethod, _ stored: [UInt8], rawSize: Int,
                          with inflater: ChunkInflater = ChunkInflater()) throws -> [UInt8]? {
        try stored.withUnsafeBytes { data in
            try inflater.decode(method: method.rawValue, rawSize: rawSize, data: data) { Array($0) }
        }
    }

    @Test(arguments: [Int32(1), 6, 9])
    func textDeflatedAtAnyLevelReadsBackExactly(level: Int32) throws {
        let (method, stored) = try deflated(Self.text, level: level)
        #expect(method == .deflate)
        #expect(stored.count < Self.text.count / 2)
        #expect(try inflated(method, stored, rawSize: Self.text.count) == Self.text)
    }

    @Test func huffmanOnlyChunksReadBackExactly() throws {
        let (method, stored) = try deflated(Self.noise)
        #expect(method == .deflate)
        #expect(try inflated(method, stored, rawSize: Self.noise.count) == Self.noise)
    }

    @Test func oneInflaterReadsManyChunksOfDifferentSizesInTurn() throws {
        let inflater = ChunkInflater()
        for input in [Self.text, Array(Self.noise.prefix(5_000)), Array(Self.text.prefix(77)), Self.noise] {
            let (method, stored) = try deflated(input)
            #expect(try inflated(method, stored, rawSize: input.count, with: inflater) == input)
        }
    }

    @Test func aRecordedSizeOtherThanTheInflatedSizeIsRefused() throws {
        let (method, stored) = try deflated(Self.text)
        #expect(try inflated(method, stored, rawSize: Self.text.count - 1) == nil)
        #expect(try inflated(method, stored, rawSize: Self.text.count + 1) == nil)
        #expect(try inflated(method, stored, rawSize: 0) == nil)
        // A damaged size far beyond what DEFLATE can expand to is refused before any memory is reserved.
        #expect(try inflated(method, stored, rawSize: Int.max / 2) == nil)
    }

    @Test func bytesAfterTheLastBlockAreRefused() throws {
        let (method, stored) = try deflated(Self.text)
        #expect(try inflated(method, stored + [0x00], rawSize: Self.text.count) == nil)
    }

    @Test func aTruncatedOrFlippedStreamIsRefused() throws {
        let (method, stored) = try deflated(Self.text)
        #expect(try inflated(method, Array(stored.dropLast(10)), rawSize: Self.text.count) == nil)
        var flipped = stored
        flipped[stored.count / 2] ^= 0xFF
        flipped[stored.count / 2 + 1] ^= 0x5A
        let result = try inflated(method, flipped, rawSize: Self.text.count)
        #expect(result != Self.text)
    }

    @Test func storedChunksMustHaveTheirRecordedSize() throws {
        let bytes = Array("short".utf8)
        #expect(try inflated(.stored, bytes, rawSize: bytes.count) == bytes)
        #expect(try inflated(.stored, bytes, rawSize: bytes.count + 1) == nil)
    }

    @Test func anUnknownMethodIsRefused() throws {
        let result = try [UInt8](repeating: 1, count: 8).withUnsafeBytes { data in
            try ChunkInflater().decode(method: 7, rawSize: 8, data: data) { Array($0) }
        }
        #expect(result == nil)
    }
}
