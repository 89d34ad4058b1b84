import MailModel
import NIOCore
import Testing
@testable import MIME

@Suite("Message decoder")
struct MessageDecoderTests {
    static let message = """
        Received: from relay by mx; Mon, 15 Mar 2004 10:20:30 +0100
        From: =?utf-8?q?Ren=C3=A9?= <rene@example.org>
        To: ann@example.org, "Lee, Bob" <bob@example.org>
        Cc: team: carl@example.org;
        Subject: =?iso-8859-1?q?R=E9sum=E9?= and more
        Date: Mon, 15 Mar 2004 10:20:30 +0100
        Message-ID: <abc@example.org>
        In-Reply-To: <prev@example.org> (sent earlier)
        References: <root@example.org>
         <prev@example.org>
        List-Id: Team list <team.example.org>
        MIME-Version: 1.0
        Content-Type: multipart/mixed; boundary=b

        --b
        Content-Type: multipart/alternative; boundary=a

        --a
        Content-Type: text/plain; charset=iso-8859-1
        Content-Transfer-Encoding: quoted-printable

        Caf=E9 au lait
        --a
        Content-Type: text/html; charset=utf-8

        <p>Café <b>au</b> lait</p><script>x()</script>
        --a--
        --b
        Content-Type: application/pdf; name="report.pdf"
        Content-Disposition: attachment; filename*=utf-8''r%C3%A9port.pdf
        Content-Transfer-Encoding: base64

        JVBERi0xLjQK
        --b
        Content-Type: text/plain; name=notes.txt
        Content-Disposition: attachment

        attached notes
        --b--

        """

    @Test("fields, identifiers, addresses and date")
    func fields() {
        let decoded = MessageDecoder.decode(Array(Self.message.utf8))
        #expect(decoded.subject == "Résumé and more")
        #expect(decoded.date?.iso8601 == "2004-03-15T09:20:30Z")
        #expect(decoded.messageID == "abc@example.org")
        #expect(decoded.inReplyTo == ["prev@example.org"])
        #expect(decoded.references == ["root@example.org", "prev@example.org"])
        #expect(decoded.listID == "team.example.org")
        #expect(decoded.from == [Address(name: "René", address: "rene@example.org")])
        #expect(decoded.to == [Address(address: "ann@example.org"), Address(name: "Lee, Bob", address: "bob@example.org")])
        #expect(decoded.cc == [Address(address: "carl@example.org")])
        #expect(decoded.headers.count == 12)
        #expect(decoded.header("subject") == "Résumé and more")
        #expect(decoded.warnings.isEmpty)
        #expect(decoded.size == Self.message.utf8.count)
    }

    @Test("parts: paths, types, digests of decoded content, text, attachments")
    func parts() throws {
        let decoded = MessageDecoder.decode(Array(Self.message.utf8))
        #expect(decoded.parts.map(\.path.description) == ["1", "1.1", "1.2", "2", "3"])
        let plain = decoded.parts[1]
        #expect(plain.text == "Café au lait")
        #expect(plain.charset == "iso-8859-1")
        #expect(plain.size == 12)
        #expect(plain.sha256 == SHA256.hash(Array("Caf\u{E9} au lait".unicodeScalars.map { UInt8($0.value) })))
        #expect(decoded.parts[2].text == "Café au lait")
        let pdf = decoded.parts[3]
        #expect(pdf.filename == "réport.pdf")
        #expect(pdf.size == 9)
        #expect(pdf.sha256 == SHA256.hash(Array("%PDF-1.4\n".utf8)))
        #expect(pdf.text == nil)
        #expect(pdf.isAttachment)
        #expect(decoded.parts[4].isAttachment)
        #expect(decoded.parts[4].text == "attached notes")
        #expect(decoded.attachments.map(\.path.description) == ["2", "3"])
        #expect(decoded.parts[0].sha256 == nil)
        #expect(decoded.searchableText == "Café au lait\n\nCafé au lait\n\nattached notes")
    }

    @Test("the same result whatever the chunking", arguments: Chunking.allCases)
    func chunking(_ chunking: Chunking) {
        let whole = MessageDecoder.decode(Array(Self.message.utf8))
        var decoder = MessageDecoder()
        for chunk in chunking.split(Array(Self.message.utf8)) { decoder.feed(chunk) }
        let pieces = decoder.finish()
        #expect(pieces.parts == whole.parts)
        #expect(pieces.searchableText == whole.searchableText)
        #expect(pieces.headers == whole.headers)
    }

    @Test("defects become warnings naming the part")
    func warnings() {
        let message = """
            Subject: a
            Subject: b
            Date: sometime soon
            Content-Type: multipart/mixed; boundary=b

            --b
            Content-Type: text/plain; charset=us-ascii
            Content-Transfer-Encoding: base64

            Y2Fmw6k=!!
            --b
            Content-Type: text/plain; charset=x-klingon

            text
            """
        let decoded = MessageDecoder.decode(Array(message.utf8))
        let kinds = decoded.warnings.map { "\($0.kind.name) \($0.path)" }
        #expect(kinds.contains("invalid-base64 1"))
        #expect(kinds.contains("charset-mislabel 1"))
        #expect(kinds.contains("missing-closing-boundary "))
        #expect(kinds.contains("duplicate-header "))
        #expect(kinds.contains("bad-date "))
        #expect(decoded.subject == "a")
        #expect(decoded.date == nil)
        #expect(decoded.parts[0].text == "café")
        #expect(decoded.warnings.allSatisfy { !$0.description.isEmpty })
    }

    @Test("what counts as an attachment: TNEF and other binaries yes; signatures and inline resources no")
    func attachmentJudgement() {
        let message = """
            Content-Type: multipart/signed; boundary=s; protocol="application/pgp-signature"

            --s
            Content-Type: multipart/related; boundary=r

            --r
            Content-Type: text/html

            <img src="cid:logo@x">
            --r
            Content-Type: image/png
            Content-ID: <logo@x>
            Content-Transfer-Encoding: base64

            iVBORw0KGgo=
            --r--
            --s
            Content-Type: application/ms-tnef
            Content-Transfer-Encoding: base64

            eJ8+IgAA
            --s
            Content-Type: application/pgp-signature

            -----BEGIN PGP SIGNATURE-----
            --s--
            """
        let decoded = MessageDecoder.decode(Array(message.utf8))
        let judgement = decoded.parts.map { "\($0.path) \($0.contentType) \($0.isAttachment)" }
        #expect(judgement == [
            "1 multipart/related false", "1.1 text/html false", "1.2 image/png false",
            "2 application/ms-tnef true", "3 application/pgp-signature false",
        ])
        #expect(decoded.parts[2].contentID == "logo@x")
    }

    @Test("text is bounded per part and in all")
    func textLimits() {
        var options = MIMEOptions()
        options.maxPartTextBytes = 100
        options.maxIndexedTextBytes = 150
        let body = String(repeating: "word ", count: 100)
        let message = "Content-Type: multipart/mixed; boundary=b\n\n--b\n\n\(body)\n--b\n\n\(body)\n--b--\n"
        let decoded = MessageDecoder.decode(Array(message.utf8), options: options)
        #expect(decoded.parts.allSatisfy { ($0.text?.utf8.count ?? 0) <= 100 && $0.isTextTruncated })
        #expect(decoded.parts[0].size == body.utf8.count)
        #expect(decoded.searchableText.utf8.count <= 150)
        #expect(decoded.warnings.contains { $0.kind == .textTruncated })

        options.maxTotalTextBytes = 130
        let budgeted = MessageDecoder.decode(Array(message.utf8), options: options)
        #expect(budgeted.parts.map { $0.text?.utf8.count ?? -1 } == [100, 30])
    }
}
