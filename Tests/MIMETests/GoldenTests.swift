import Foundation
import MailModel
import Testing
import TestSupport
@testable import MIME

/// Decoded views of tricky messages, kept in `Tests/Fixtures/mime-golden/`. Set
/// `CAIRN_UPDATE_GOLDEN=1` to rewrite them after a deliberate change, and review the diff.
@Suite("Golden decodings")
struct GoldenTests {
    static let tricky = [
        "cpython-0002", "cpython-0005", "cpython-0016", "cpython-0020", "cpython-0026", "cpython-0030",
        "cpython-0034", "cpython-0036", "cpython-0039", "cpython-0043", "mailparser-0003", "mailparser-0004",
        "mailparser-0007", "mailparser-0010", "mailparser-0018", "mailparser-0022", "rspamd-0004", "rspamd-0006",
        "rspamd-0012", "talon-0001",
    ]

    /// A stable JSON rendering of what matters in a decoding.
    static func render(_ message: DecodedMessage) throws -> String {
        func addresses(_ list: [Address]) -> [[String: Any]] {
            list.map { ["name": $0.name ?? NSNull(), "address": $0.address] }
        }
        let parts: [[String: Any]] = message.parts.map { part in
            var object: [String: Any] = [
                "path": part.path.description, "content_type": part.contentType, "kind": "\(part.kind)",
                "charset": part.charset ?? NSNull(), "disposition": part.disposition ?? NSNull(),
                "filename": part.filename ?? NSNull(), "size": part.size, "sha256": part.sha256?.hex ?? NSNull(),
                "attachment": part.isAttachment, "encoding": part.transferEncoding,
            ]
            if let text = part.text {
                object["text_length"] = text.count
                object["text"] = String(text.prefix(3000))
            }
            return object
        }
        let object: [String: Any] = [
            "subject": message.subject ?? NSNull(), "date": message.date?.iso8601 ?? NSNull(),
            "message_id": message.messageID ?? NSNull(), "in_reply_to": message.inReplyTo,
            "references": message.references, "list_id": message.listID ?? NSNull(),
            "from": addresses(message.from), "to": addresses(message.to), "cc": addresses(message.cc),
            "headers": message.headers.map { [$0.name, $0.value] }, "parts": parts,
            "warnings": message.warnings.map(\.description), "size": message.size,
        ]
        let data = try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    @Test("decodings match their golden files", arguments: tricky)
    func golden(_ name: String) throws {
        let data = try Fixtures.bytes("corpus/\(name).eml")
        let rendered = try Self.render(MessageDecoder.decode(data))
        let golden = Fixtures.url("mime-golden/\(name).json")
        if ProcessInfo.processInfo.environment["CAIRN_UPDATE_GOLDEN"] != nil {
            try rendered.write(to: golden, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOf: golden, encoding: .utf8)
        let same = rendered == expected
        #expect(same, "\(name) differs from its golden file; run with CAIRN_UPDATE_GOLDEN=1 and review the diff")
    }
}
