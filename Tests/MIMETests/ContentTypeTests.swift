import Testing
@testable import MIME

@Suite("Content-Type, Content-Disposition and parameters")
struct ContentTypeTests {
    private func parse(_ text: String) -> ContentType? {
        ContentType.parse(Array(text.utf8)).contentType
    }

    @Test("types and parameters (RFC 2045 5.1)")
    func basics() throws {
        let type = try #require(parse("Text/HTML; Charset=\"UTF-8\"; format=flowed (comment)"))
        #expect(type.mimeType == "text/html")
        #expect(type.charset == "UTF-8")
        #expect(type.parameters["FORMAT"] == "flowed")
        let noSemicolon = try #require(parse("text/plain charset=utf-8"))
        #expect(noSemicolon.charset == "utf-8")
        let quoted = try #require(parse("multipart/mixed; boundary=\"a \\\"quoted\\\" one\""))
        #expect(quoted.boundary == Array("a \"quoted\" one".utf8))
        #expect(parse("garbage") == nil)
        #expect(parse("text/") == nil)
    }

    @Test("RFC 2231 continuations, charsets and languages")
    func rfc2231() throws {
        let type = try #require(parse("application/pdf; name*0*=utf-8'fr'r%C3%A9sum; name*1*=%C3%A9; name*2=\".pdf\""))
        #expect(type.parameters["name"] == "résumé.pdf")
        #expect(type.parameters.parameter("name")?.language == "fr")
        let out = try #require(parse("text/plain; title*1=\" world\"; title*0=\"hello\""))
        #expect(out.parameters["title"] == "hello world")
        let boundary = try #require(parse("multipart/signed; boundary*=\"us-ascii''Ee%51x\""))
        #expect(boundary.boundary == Array("EeQx".utf8))
    }

    @Test("file names: RFC 2047 in quotes (Outlook), raw UTF-8, missing disposition type")
    func filenames() {
        let outlook = ContentDisposition.parse(Array("attachment; filename=\"=?utf-8?B?0L7RgtGH0LXRgi5wZGY=?=\"".utf8))
        #expect(outlook.isAttachment)
        #expect(outlook.filename == "отчет.pdf")
        let raw = ContentDisposition.parse(Array("inline; filename=\"naïve.txt\"".utf8))
        #expect(raw.isInline)
        #expect(raw.filename == "naïve.txt")
        let typeless = ContentDisposition.parse(Array("filename=report.pdf".utf8))
        #expect(typeless.type == "attachment")
        #expect(typeless.filename == "report.pdf")
    }

    @Test("transfer encodings", arguments: [
        ("base64", TransferEncoding.base64), (" Quoted-Printable ", .quotedPrintable), ("7BIT", .sevenBit),
        ("8bit", .eightBit), ("binary", .binary), ("x-uuencode", .uuencode), ("x-gzip", .other("x-gzip")),
        ("\"base64\"", .base64),
    ])
    func transferEncodings(_ text: String, _ expected: TransferEncoding) {
        #expect(TransferEncoding(headerValue: text) == expected)
    }
}
