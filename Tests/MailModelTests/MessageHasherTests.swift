import MailModel
import Testing

@Suite struct MessageHasherTests {
    @Test func idIsOfCRLFForm() {
        let lf = Array("Subject: a\n\nbody\n".utf8)
        let crlf = Array("Subject: a\r\n\r\nbody\r\n".utf8)
        #expect(MessageID.of(lf) == MessageID.of(crlf))
        #expect(MessageID.of(crlf).digest == SHA256.hash(crlf))
        var hasher = MessageHasher()
        hasher.update(lf)
        let result = hasher.finalize()
        #expect(result.rawSHA256 == SHA256.hash(lf))
        #expect(result.rawSHA256 != result.id.digest)
        #expect(result.size == lf.count)
    }

    @Test func mixedEndingsAndBareCR() {
        let mixed = Array("a\r\nb\nc\rd\n\n".utf8)
        let expected = Array("a\r\nb\r\nc\rd\r\n\r\n".utf8)
        #expect(MessageID.of(mixed).digest == SHA256.hash(expected))
    }

    @Test(arguments: [1, 2, 3, 7, 64])
    func chunkBoundariesCarryNoMeaning(chunkSize: Int) {
        let message = Array("From: x\r\nSubject: y\n\r\n\nline\r\nline\n\r\r\n".utf8)
        var hasher = MessageHasher()
        var start = 0
        while start < message.count {
            let end = min(start + chunkSize, message.count)
            hasher.update(Array(message[start..<end]))
            start = end
        }
        let chunked = hasher.finalize()
        #expect(chunked.id == MessageID.of(message))
        #expect(chunked.rawSHA256 == SHA256.hash(message))
    }

    @Test func hexRoundTripAndPrefix() throws {
        let id = MessageID.of(Array("x".utf8))
        #expect(MessageID(hex: id.hex) == id)
        #expect(MessageID(hex: id.hex.uppercased()) == id)
        #expect(MessageID(hex: "zz") == nil)
        #expect(MessageID.isPrefix(String(id.hex.prefix(8))))
        #expect(!MessageID.isPrefix("1234567"))
        #expect(!MessageID.isPrefix("1234567g"))
        #expect(id.short.count == 12)
    }
}
