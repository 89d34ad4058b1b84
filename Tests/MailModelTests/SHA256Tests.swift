import CCrypto
#if canImport(Glibc)
import Glibc
#endif
import MailModel
import TestSupport
import Testing

@Suite struct SHA256Tests {
    // FIPS 180-4 examples (NIST's SHA256.pdf and SHA2_Additional.pdf): one block, empty, two blocks
    // (the padding starts a block of its own), 896 bits, and a million times "a".
    @Test(arguments: [
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
         "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
        ("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
         "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"),
    ])
    func knownVectors(text: String, hex: String) {
        #expect(SHA256.hash(Array(text.utf8)).hex == hex)
    }

    @Test func millionAs() {
        var hasher = SHA256()
        let chunk = [UInt8](repeating: UInt8(ascii: "a"), count: 1000)
        for _ in 0..<1000 { hasher.update(chunk) }
        #expect(hasher.finalize().hex == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    /// Lengths around the padding's edges (55, 56, 63, 64 bytes...), fed in pieces of every size.
    @Test func piecesGiveTheSameDigestAsOneUpdate() {
        var random = SeededRandom(seed: 256)
        let bytes = (0..<300).map { _ in UInt8.random(in: 0...255, using: &random) }
        for length in [0, 1, 55, 56, 57, 63, 64, 65, 119, 120, 127, 128, 129, 300] {
            let whole = SHA256.hash(bytes[0..<length])
            for piece in [1, 3, 63, 64, 65] {
                var hasher = SHA256()
                var start = 0
                while start < length {
                    let end = min(start + piece, length)
                    hasher.update(bytes[start..<end])
                    start = end
                }
                #expect(hasher.finalize() == whole, "length \(length), pieces of \(piece)")
            }
        }
        #expect(SHA256.hash(bytes[0..<56]) != SHA256.hash(bytes[0..<57]))
    }

    /// A copy forks the computation: both halves finish on their own.
    @Test func copyForks() {
        var first = SHA256()
        first.update(Array("ab".utf8))
        var second = first
        first.update(Array("c".utf8))
        second.update(Array("d".utf8))
        #expect(first.finalize() == SHA256.hash(Array("abc".utf8)))
        #expect(second.finalize() == SHA256.hash(Array("abd".utf8)))
    }

    /// Whether this CPU has SHA extensions (else only the portable compression runs).
    static let hasExtensions: Bool = {
        var state = [UInt32](repeating: 0, count: 8)
        return ccrypto_sha256_blocks_accelerated(&state, [UInt8](repeating: 0, count: 64), 1) == 1
    }()

    /// The SHA-extension compression agrees with the portable one, block for block.
    @Test(.enabled(if: hasExtensions, "this CPU has no SHA extensions"))
    func acceleratedBlocksMatchPortable() {
        var random = SeededRandom(seed: 180_4)
        for blocks in [1, 2, 3, 17, 64] {
            let data = (0..<(64 * blocks)).map { _ in UInt8.random(in: 0...255, using: &random) }
            let start = (0..<8).map { _ in UInt32.random(in: 0...UInt32.max, using: &random) }
            var portable = start
            var accelerated = start
            ccrypto_sha256_blocks_portable(&portable, data, blocks)
            #expect(ccrypto_sha256_blocks_accelerated(&accelerated, data, blocks) == 1)
            #expect(portable == accelerated, "\(blocks) blocks")
            #expect(portable != start)
        }
    }

    /// An independent implementation (coreutils' sha256sum) agrees at the padding's edges (a
    /// length of 55 bytes still fits one block, 56 needs a second) and on a megabyte of random
    /// bytes, fed in pieces of 1,000.
    @Test func agreesWithSha256sum() throws {
        var random = SeededRandom(seed: 4_155)
        let data = (0..<(1 << 20) + 37).map { _ in UInt8.random(in: 0...255, using: &random) }
        let lengths = [0, 1, 55, 56, 63, 64, 65, 119, 120, 128, data.count]
        var paths: [String] = []
        defer { for path in paths { unlink(path) } }
        for length in lengths {
            var template = Array("/tmp/cairn-sha256-XXXXXX".utf8CString)
            let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
            try #require(fd >= 0)
            paths.append(String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self))
            let written = data.withUnsafeBytes { write(fd, $0.baseAddress, length) }
            close(fd)
            try #require(written == length)
        }
        let result = try Subprocess.run("/usr/bin/sha256sum", paths)
        try #require(result.status == 0)
        let expected = result.standardOutput.split(separator: "\n").map { String($0.prefix(64)) }
        try #require(expected.count == lengths.count)
        for (index, length) in lengths.enumerated() {
            var hasher = SHA256()
            var start = 0
            while start < length {
                hasher.update(data[start..<min(length, start + 1000)])
                start += 1000
            }
            #expect(hasher.finalize().hex == expected[index], "\(length) bytes")
        }
    }
}
