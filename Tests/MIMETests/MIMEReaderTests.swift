import NIOCore
import Testing
@testable import MIME

@Suite("MIME reader")
struct MIMEReaderTests {
    static let nested = """
        From: a@example.org
        Subject: nested
        MIME-Version: 1.0
        Content-Type: multipart/mixed; boundary="outer"

        This is the preamble.
        --outer
        Content-Type: multipart/alternative; boundary="inner"

        --inner
        Content-Type: text/plain; charset=utf-8
        Content-Transfer-Encoding: quoted-printable

        caf=C3=A9
        --inner
        Content-Type: text/html

        <p>caf&eacute;</p>
        --inner--
        --outer
        Content-Type: message/rfc822

        From: b@example.org
        Subject: inside
        Content-Type: multipart/mixed; boundary="deep"

        --deep
        Content-Type: text/plain

        deep text
        --deep
        Content-Type: application/octet-stream
        Content-Transfer-Encoding: base64

        AAEC
        AwQF
        --deep--
        --outer
        Content-Type: text/plain

        last
        --outer--
        This is the epilogue.

        """

    @Test("parts are numbered as IMAP numbers BODY sections (RFC 3501 6.4.5)")
    func numbering() {
        let trace = ReaderTrace.read(Self.nested)
        #expect(trace.outline == [
            " multipart/mixed", "1 multipart/alternative", "1.1 text/plain", "1.2 text/html", "2 message/rfc822",
            "2 multipart/mixed", "2.1 text/plain", "2.2 application/octet-stream", "3 text/plain",
        ])
        #expect(trace.warnings.isEmpty)
        #expect(trace.text("1.1") == "café")
        #expect(trace.text("1.2") == "<p>caf&eacute;</p>")
        #expect(trace.text("2.1") == "deep text")
        #expect(trace.text("3") == "last")
        #expect(trace.text("2.2").map { Array($0.utf8) } == [0, 1, 2, 3, 4, 5])
        #expect(trace.text("2")?.hasPrefix("From: b@example.org\nSubject: inside") == true)
        #expect(trace.text("2")?.hasSuffix("--deep--") == true)
    }

    @Test("the same events whatever the chunking, LF or CRLF", arguments: Chunking.allCases)
    func chunking(_ chunking: Chunking) {
        for message in [Self.nested, Self.nested.replacingLineFeeds()] {
            #expect(ReaderTrace.read(message, chunking) == ReaderTrace.read(message, .whole), "\(chunking)")
        }
    }

    @Test("a single-part message is part 1; a message without a header is all body")
    func singlePart() {
        let trace = ReaderTrace.read("Subject: x\n\nbody\n")
        #expect(trace.outline == ["1 text/plain"])
        #expect(trace.text("1") == "body\n")
        let headless = ReaderTrace.read("just text\nmore\n")
        #expect(headless.outline == ["1 text/plain"])
        #expect(headless.text("1") == "just text\nmore\n")
        #expect(headless.warnings == ["missing-header-body-separator "])
        let empty = ReaderTrace.read("")
        #expect(empty.outline == ["1 text/plain"])
    }

    @Test("missing closing boundaries close at the end, with warnings")
    func missingClose() {
        let message = "Content-Type: multipart/mixed; boundary=b\n\n--b\nContent-Type: text/plain\n\none\n--b\n\ntwo\n"
        let trace = ReaderTrace.read(message)
        #expect(trace.outline == [" multipart/mixed", "1 text/plain", "2 text/plain"])
        #expect(trace.text("2") == "two\n")
        #expect(trace.warnings == ["missing-closing-boundary "])
    }

    @Test("a child ends on its parent's boundary")
    func parentBoundary() {
        let message = """
            Content-Type: multipart/mixed; boundary=outer

            --outer
            Content-Type: multipart/alternative; boundary=inner

            --inner

            one
            --outer

            two
            --outer--
            """
        let trace = ReaderTrace.read(message)
        #expect(trace.outline == [" multipart/mixed", "1 multipart/alternative", "1.1 text/plain", "2 text/plain"])
        #expect(trace.text("1.1") == "one")
        #expect(trace.warnings == ["missing-closing-boundary 1"])
    }

    @Test("a multipart whose boundary never comes is read as text; one without boundary as text/plain")
    func noBoundary() {
        let lost = ReaderTrace.read("Content-Type: multipart/mixed; boundary=nope\n\nall the text\n")
        #expect(lost.outline == [" multipart/mixed", "1 text/plain"])
        #expect(lost.text("1") == "all the text\n")
        #expect(lost.warnings == ["boundary-not-found "])
        let none = ReaderTrace.read("Content-Type: multipart/mixed\n\nplain text\n")
        #expect(none.outline == ["1 text/plain"])
        #expect(none.warnings == ["missing-boundary "])
    }

    @Test("boundaries with transport padding, prefixes of other boundaries, and look-alike lines")
    func boundaryLines() {
        let message = "Content-Type: multipart/mixed; boundary=\"b\"\n\n--b  \t\n\n--bb is text\n-- b is text\n--b--  \n"
        let trace = ReaderTrace.read(message)
        #expect(trace.outline == [" multipart/mixed", "1 text/plain"])
        #expect(trace.text("1") == "--bb is text\n-- b is text")
        #expect(trace.warnings.isEmpty)
    }

    @Test("multipart/digest parts default to message/rfc822")
    func digest() {
        let message = "Content-Type: multipart/digest; boundary=d\n\n--d\n\nSubject: one\n\nbody one\n--d--\n"
        let trace = ReaderTrace.read(message)
        #expect(trace.outline == [" multipart/digest", "1 message/rfc822", "1.1 text/plain"])
        #expect(trace.text("1.1") == "body one")
    }

    @Test("a base64 message/rfc822 is decoded and parsed")
    func encodedMessage() {
        let inner = TestBase64.encode(Array("Subject: hidden\n\nsecret body\n".utf8))
        let message = "Content-Type: multipart/mixed; boundary=b\n\n--b\nContent-Type: message/rfc822\nContent-Transfer-Encoding: base64\n\n\(inner)\n--b--\n"
        let trace = ReaderTrace.read(message)
        #expect(trace.outline == [" multipart/mixed", "1 message/rfc822", "1.1 text/plain"])
        #expect(trace.text("1.1") == "secret body\n")
        #expect(trace.warnings == ["encoded-message 1"])
    }

    @Test("uuencoded blocks in plain text become embedded parts; the text part stays whole")
    func uuencode() {
        let encoded = TestUUEncode.encode(Array("attached data".utf8), name: "notes.txt")
        let body = "Here it is:\n\n\(encoded)\nbye\n"
        let trace = ReaderTrace.read("Subject: uu\n\n" + body)
        #expect(trace.outline == ["1 text/plain", "1.uu1 text/plain"])
        #expect(trace.text("1.uu1") == "attached data")
        #expect(trace.text("1") == body)
        #expect(trace.parts.values.first { $0.kind == .embedded }?.filename == "notes.txt")
        for chunking in Chunking.allCases {
            #expect(ReaderTrace.read("Subject: uu\n\n" + body, chunking) == trace, "\(chunking)")
        }
        let prose = ReaderTrace.read("Subject: x\n\nbegin 644 is how it starts\nand more words\n")
        #expect(prose.outline == ["1 text/plain"])
    }

    @Test("a whitespace-only line folds when a field follows, else ends the header", arguments: Chunking.allCases)
    func whitespaceLines(_ chunking: Chunking) {
        let folded = ReaderTrace.read("Subject: tab follows\n\t\nSummary: still header\n\nbody\n", chunking)
        #expect(folded.text("1") == "body\n")
        #expect(folded.parts[0]?.headers.value(of: "Summary") == "still header")
        let ends = ReaderTrace.read("Subject: space follows\n \nHello there,\n", chunking)
        #expect(ends.text("1") == "Hello there,\n")
        #expect(ends.warnings.isEmpty)
    }

    @Test("headers without a blank line, junk lines, envelope lines, folded fields")
    func headerRepairs() {
        let trace = ReaderTrace.read("From sender Mon Jan  1 00:00:00 2024\nSubject: x\n  folded\nnot a header line\nbody\n")
        #expect(trace.outline == ["1 text/plain"])
        #expect(trace.text("1") == "not a header line\nbody\n")
        #expect(trace.parts[0]?.headers.value(of: "Subject") == "x  folded")
        #expect(trace.warnings == ["missing-header-body-separator 1"].map { _ in "missing-header-body-separator " })
    }
}

extension String {
    /// The string with every LF turned into CRLF.
    func replacingLineFeeds() -> String {
        var out = ""
        for character in self {
            if character == "\n" { out += "\r\n" } else { out.append(character) }
        }
        return out
    }
}
