import Testing
@testable import MIME

@Suite("Header fields")
struct HeaderFieldTests {
    private func headers(_ text: String) -> MIMEHeaders {
        MIMEHeaders(parsing: Array(text.utf8))
    }

    @Test("folding, duplicates, obsolete spacing, case-insensitive names")
    func basics() {
        let block = headers("Subject: a long\r\n  folded\r\n\tsubject\r\nX-Dup: one\r\nx-dup: two\r\nTo : ann@example.org\r\n")
        #expect(block.count == 4)
        #expect(block.value(of: "subject") == "a long  folded subject")
        #expect(block.values(of: "X-DUP") == ["one", "two"])
        #expect(block.value(of: "To") == "ann@example.org")
        #expect(block[0].name == "Subject")
    }

    @Test("8-bit header bytes: UTF-8 first, then the entity's charset, then Windows-1252")
    func eightBit() {
        #expect(headers("Subject: caf\u{E9}\n").value(of: "Subject") == "café")
        let latin: [UInt8] = Array("Subject: caf".utf8) + [0xE9] + Array("\nContent-Type: text/plain; charset=iso-8859-15\n".utf8)
        #expect(MIMEHeaders(parsing: latin).value(of: "Subject") == "café")
        let koi: [UInt8] = Array("Subject: ".utf8) + [0xF2, 0xD5, 0xD3] + Array("\nContent-Type: text/plain; charset=koi8-r\n".utf8)
        #expect(MIMEHeaders(parsing: koi).value(of: "Subject") == "Рус")
        let unlabelled: [UInt8] = Array("Subject: caf".utf8) + [0xE9, 0x0A]
        #expect(MIMEHeaders(parsing: unlabelled).value(of: "Subject") == "café")
    }

    @Test("encoded-words in unstructured fields are decoded")
    func encoded() {
        #expect(headers("Subject: =?utf-8?q?R=C3=A9sum=C3=A9?= attached\n").value(of: "Subject") == "Résumé attached")
    }
}
