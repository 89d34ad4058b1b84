import IMAPProtocol
import MailModel
import NIOCore
import Testing

private func limits(line: Int = 8 * 1024 * 1024, literal: Int = 1024 * 1024, response: Int = 16 * 1024 * 1024,
                    attributes: Int = 100_000) -> ResponseParserOptions {
    ResponseParserOptions(maxLineLength: line, maxInlineLiteralSize: literal, maxAttributeCount: attributes,
                          maxResponseSize: response)
}

/// Four inline literals of 10 bytes on one line: 40 bytes of literals, little text between them.
private let manyLiterals = "* ID (\"a\" {10}\r\n0123456789 \"b\" {10}\r\n0123456789 \"c\" {10}\r\n0123456789 \"d\" {10}\r\n0123456789)\r\n"

@Suite("ResponseParser: named limits")
struct ResponseLimitTests {
    @Test(arguments: [
        ParseFixture.failure("a line longer than maxLineLength", "* OK " + String(repeating: "x", count: 40) + "\r\n",
                             "maxLineLength", options: limits(line: 20)),
        .failure("a literal larger than maxInlineLiteralSize", "* LIST () \"/\" {5}\r\nabcde\r\n",
                 "maxInlineLiteralSize", options: limits(literal: 4)),
        .failure("inline literals adding up past maxResponseSize, each within its own limits", manyLiterals,
                 "maxResponseSize", options: limits(line: 30, literal: 16, response: 60)),
        .failure("text runs between literals adding up past maxResponseSize",
                 "* ID (\"" + String(repeating: "a", count: 25) + "\" {1}\r\nx \"" + String(repeating: "b", count: 25) + "\" {1}\r\ny)\r\n",
                 "maxResponseSize", options: limits(line: 40, response: 45)),
        .failure("more FETCH attributes than maxAttributeCount", "* 1 FETCH (UID 1 FLAGS () RFC822.SIZE 3)\r\n",
                 "maxAttributeCount", options: limits(attributes: 2)),
    ])
    func exceeded(_ fixture: ParseFixture) { check(fixture) }

    @Test("the same many-literal response fits under the default limits")
    func manyLiteralsFit() {
        let ten = "0123456789"
        check(.untagged("four inline literals", manyLiterals,
                        .id([IDParameter(key: "a", value: ten), IDParameter(key: "b", value: ten),
                             IDParameter(key: "c", value: ten), IDParameter(key: "d", value: ten)])))
    }

    @Test("a body literal streams past maxResponseSize: only what is held counts")
    func bodyLiteralStreams() {
        let text = String(repeating: "z", count: 100)
        var fixture = ParseFixture.success("streamed body", "* 3 FETCH (UID 5 BODY[] {100}\r\n\(text))\r\n", [
            .fetch(.start(SequenceNumber(3))),
            .fetch(.attribute(.uid(UID(5)))),
            .fetch(.streamingBegin(.body(.complete, offset: nil), byteCount: 100)),
            .fetch(.streamingBytes(ByteBuffer(string: text))),
            .fetch(.streamingEnd),
            .fetch(.finish),
        ])
        fixture.options = limits(line: 40, response: 40)
        check(fixture)
    }
}
