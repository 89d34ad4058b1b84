@testable import Archive
import Foundation
import MailModel
import MailStore
import Testing

@Suite struct AttachmentSaverTests {
    static func message(attachments: [(name: String, body: String)]) -> [UInt8] {
        var text = "From: a@example.org\nSubject: files\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=\"b\"\n\n--b\nContent-Type: text/plain\n\nsee attached\n"
        for attachment in attachments {
            text += "--b\nContent-Type: application/octet-stream\n"
            if attachment.name.contains("\n") {
                // RFC 2231 lets a name carry any byte, a line break included.
                let encoded = attachment.name.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
                text += "Content-Disposition: attachment; filename*=utf-8''\(encoded)\n"
            } else {
                text += "Content-Disposition: attachment; filename=\"\(attachment.name)\"\n"
            }
            text += "Content-Transfer-Encoding: base64\n\n"
            text += Data(attachment.body.utf8).base64EncodedString() + "\n"
        }
        text += "--b--\n"
        return Array(text.utf8)
    }

    @Test func hostileNamesStayInsideTheFolder() throws {
        let hostile = [("../../x", "one"), ("/etc/passwd", "two"), ("con.txt", "three"),
                       ("line\nbreak.txt", "four"), ("same.pdf", "five"), ("same.pdf", "six"), ("", "seven")]
        let bytes = AttachmentSaverTests.message(attachments: hostile)
        let archive = try ExportTestArchive(messages: [bytes])
        defer { archive.remove() }
        let out = archive.output + "/attachments"
        // Something already there is never overwritten.
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        #expect(FileManager.default.createFile(atPath: out + "/x", contents: Data("precious".utf8)))

        let saved = try AttachmentSaver(store: archive.store).save(archive.keys[0], into: out)
        #expect(saved.count == hostile.count)
        let names = try FileManager.default.contentsOfDirectory(atPath: out).sorted()
        #expect(names.count == hostile.count + 1)
        for entry in saved {
            #expect((entry.path as NSString).deletingLastPathComponent == out)
            let name = (entry.path as NSString).lastPathComponent
            #expect(!name.hasPrefix(".") && !name.contains("/") && !name.unicodeScalars.contains { $0.value < 0x20 })
        }
        #expect(try String(contentsOfFile: out + "/x", encoding: .utf8) == "precious")
        #expect(names.contains("x (2)"))
        #expect(names.contains("passwd"))
        #expect(names.contains("_con.txt"))
        #expect(names.contains("linebreak.txt"))
        #expect(names.contains("same.pdf") && names.contains("same (2).pdf"))
        // Contents are the decoded bytes, in order.
        for (entry, original) in zip(saved, hostile) {
            #expect(try String(contentsOfFile: entry.path, encoding: .utf8) == original.1)
            #expect(entry.sha256 == SHA256.hash(Array(original.1.utf8)))
        }
    }
}
