import NIOCore
import Testing
@testable import MIME

@Suite("Transfer decoders")
struct TransferDecoderTests {
    /// Runs a streaming decoder over chunks.
    static func run<D: StreamingDecoder>(_ decoder: D, _ input: [UInt8], _ chunking: Chunking) -> (bytes: [UInt8], invalid: Int) {
        var decoder = decoder
        var output = ByteBuffer()
        for chunk in chunking.split(input) { decoder.decode(chunk, into: &output) }
        decoder.finish(into: &output)
        return (output.bytes, decoder.invalidCount)
    }

    @Test("base64 vectors (RFC 4648 10)", arguments: [
        ("", ""), ("Zg==", "f"), ("Zm8=", "fo"), ("Zm9v", "foo"), ("Zm9vYg==", "foob"), ("Zm9vYmE=", "fooba"),
        ("Zm9vYmFy", "foobar"), ("Zm9v\r\nYmFy\r\n", "foobar"), ("Zm9vYg", "foob"), ("Zm9vYmE", "fooba"),
    ])
    func base64Vectors(_ input: String, _ expected: String) {
        for chunking in Chunking.allCases {
            let result = Self.run(Base64Decoder(), Array(input.utf8), chunking)
            #expect(result.bytes == Array(expected.utf8), "\(chunking)")
            #expect(result.invalid == 0)
        }
    }

    @Test("base64 skips garbage, counts it, and resumes after padding")
    func base64Garbage() {
        let result = Self.run(Base64Decoder(), Array("Zm9v!!YmFy\u{7}Zg==Zm8=".utf8), .whole)
        #expect(result.bytes == Array("foobarffo".utf8))
        #expect(result.invalid == 3)
        let lone = Self.run(Base64Decoder(), Array("Zm9vY".utf8), .whole)
        #expect(lone.bytes == Array("foo".utf8))
        #expect(lone.invalid == 1)
    }

    @Test("base64 of random data round-trips through every chunking")
    func base64RoundTrip() {
        var generator = SeededGenerator(seed: 42)
        let data = (0..<3000).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let encoded = Array(TestBase64.encode(data, lineLength: 76).utf8)
        for chunking in Chunking.allCases {
            #expect(Self.run(Base64Decoder(), encoded, chunking).bytes == data, "\(chunking)")
        }
    }

    @Test("quoted-printable (RFC 2045 6.7)", arguments: [
        ("a=3Db", "a=b"), ("caf=C3=A9", "café"), ("soft=\r\nbreak", "softbreak"), ("soft=\nbreak", "softbreak"),
        ("pad=  \r\nded", "padded"), ("lower=c3=a9", "loweré"), ("keep\r\nlines", "keep\r\nlines"),
        ("trailing=", "trailing="), ("trailing=A", "trailing=A"),
    ])
    func quotedPrintable(_ input: String, _ expected: String) {
        for chunking in Chunking.allCases {
            #expect(Self.run(QuotedPrintableDecoder(), Array(input.utf8), chunking).bytes == Array(expected.utf8), "\(chunking)")
        }
    }

    @Test("quoted-printable keeps malformed escapes literally and counts them")
    func quotedPrintableMalformed() {
        for chunking in Chunking.allCases {
            let result = Self.run(QuotedPrintableDecoder(), Array("100=% sure =ZZ ==41 = x".utf8), chunking)
            #expect(String(decoding: result.bytes, as: UTF8.self) == "100=% sure =ZZ =A = x", "\(chunking)")
            #expect(result.invalid == 4)
        }
    }

    @Test("uuencode body")
    func uuencode() {
        let body = "some text first\nbegin 644 cat.txt\n#8V%T\n`\nend\ntrailing text\n"
        for chunking in Chunking.allCases {
            let result = Self.run(UUDecoder(), Array(body.utf8), chunking)
            #expect(result.bytes == Array("cat".utf8), "\(chunking)")
            #expect(result.invalid == 0)
        }
    }

    @Test("uuencode of random data round-trips through every chunking")
    func uuencodeRoundTrip() {
        var generator = SeededGenerator(seed: 7)
        let data = (0..<1000).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let encoded = Array(TestUUEncode.encode(data, name: "data.bin").utf8)
        for chunking in Chunking.allCases {
            #expect(Self.run(UUDecoder(), encoded, chunking).bytes == data, "\(chunking)")
        }
    }
}
