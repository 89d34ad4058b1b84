import NIOCore
import Testing
@testable import MIME

/// Hostile inputs: decoding stops at the named limits with warnings, in bounded time.
@Suite("Hostile inputs")
struct HostileInputTests {
    static func decode(_ message: [UInt8], options: MIMEOptions = .default) -> (DecodedMessage, Duration) {
        let clock = ContinuousClock()
        var result: DecodedMessage?
        let elapsed = clock.measure {
            var decoder = MessageDecoder(options: options)
            var index = 0
            while index < message.count {
                let end = min(index + 65_536, message.count)
                decoder.feed(message[index..<end])
                index = end
            }
            result = decoder.finish()
        }
        return (result!, elapsed)
    }

    static func kinds(_ message: DecodedMessage) -> Set<String> {
        Set(message.warnings.map(\.kind.name))
    }

    @Test("deep nesting stops at maxDepth")
    func deepNesting() {
        var text = ""
        for level in 0..<5_000 { text += "Content-Type: multipart/mixed; boundary=b\(level)\n\n--b\(level)\n" }
        text += "\ninnermost\n"
        let (message, elapsed) = Self.decode(Array(text.utf8))
        #expect(Self.kinds(message).contains("depth-limit"))
        #expect(message.parts.count <= MIMEOptions.default.maxDepth + 2)
        #expect(elapsed < .seconds(10))
    }

    @Test("nested encapsulated messages stop at maxDepth")
    func deepMessages() {
        var text = ""
        for _ in 0..<2_000 { text += "Content-Type: message/rfc822\n\n" }
        text += "Subject: bottom\n\nbody\n"
        let (message, elapsed) = Self.decode(Array(text.utf8))
        #expect(Self.kinds(message).contains("depth-limit"))
        #expect(elapsed < .seconds(10))
    }

    @Test("thousands of parts stop at maxParts")
    func manyParts() {
        var text = "Content-Type: multipart/mixed; boundary=b\n\n"
        for number in 0..<30_000 { text += "--b\n\npart \(number)\n" }
        text += "--b--\n"
        let (message, elapsed) = Self.decode(Array(text.utf8))
        #expect(message.parts.count == MIMEOptions.default.maxParts - 1)
        #expect(Self.kinds(message).contains("part-limit"))
        #expect(elapsed < .seconds(20))
    }

    @Test("huge headers stop at maxHeaderBytes")
    func hugeHeaders() {
        let longLine = "X-Long: " + String(repeating: "a", count: 3_000_000) + "\n"
        let manyLines = String(repeating: "X-Many: value\n", count: 100_000)
        let text = "Subject: first\n" + longLine + manyLines + "Subject: late\n\nbody\n"
        let (message, elapsed) = Self.decode(Array(text.utf8))
        #expect(Self.kinds(message).contains("header-too-large"))
        #expect(message.subject == "first")
        #expect(message.parts.first?.text == "body\n")
        #expect(elapsed < .seconds(10))
    }

    @Test("base64 garbage and a boundary-like line with no end are read in bounded time")
    func garbage() {
        var generator = SeededGenerator(seed: 99)
        let noise = (0..<2_000_000).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let head = Array("Content-Type: multipart/mixed; boundary=b\n\n--b\nContent-Transfer-Encoding: base64\n\n".utf8)
        let (message, elapsed) = Self.decode(head + noise + Array("\n--".utf8) + Array(repeating: UInt8(ascii: "-"), count: 1_000_000))
        #expect(Self.kinds(message).contains("invalid-base64"))
        #expect(elapsed < .seconds(20))
    }

    @Test("endless encoded-words in a header")
    func endlessEncodedWords() {
        let subject = "Subject: " + String(repeating: "=?utf-8?B?w6k=?= ", count: 10_000) + "\n\nbody\n"
        let (message, elapsed) = Self.decode(Array(subject.utf8))
        let decoded = message.subject == String(repeating: "é", count: 10_000)
        #expect(decoded)
        #expect(elapsed < .seconds(10))
    }

    @Test("decoded content stops at maxDecodedBytes")
    func decodedLimit() {
        var options = MIMEOptions()
        options.maxDecodedBytes = 1000
        let body = String(repeating: "0123456789", count: 1000)
        let (message, _) = Self.decode(Array("Subject: big\n\n\(body)".utf8), options: options)
        #expect(message.parts.first?.size == 1000)
        #expect(Self.kinds(message).contains("decoded-size-limit"))
    }

    @Test("warnings stop at maxWarnings")
    func manyWarnings() {
        var text = "Content-Type: multipart/mixed; boundary=b\n\n"
        for _ in 0..<1_000 { text += "--b\nContent-Transfer-Encoding: x-bogus\n\nx\n" }
        let (message, _) = Self.decode(Array(text.utf8))
        #expect(message.warnings.count <= MIMEOptions.default.maxWarnings)
        #expect(Self.kinds(message).contains("too-many-warnings"))
    }
}
