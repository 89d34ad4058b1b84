import Foundation
import MailModel
import MailStore

/// A throw-away archive with a few awkward messages, for the export tests.
struct ExportTestArchive {
    let folder: URL
    let store: MailStore
    let keys: [MessageKey]
    let messages: [[UInt8]]

    static let awkwardMessages: [[UInt8]] = [
        Array("From: Ann <ann@example.org>\nTo: bob@example.org\nSubject: plain\nDate: Fri, 01 Mar 2024 09:30:00 +0000\n\nHello.\nFrom the top.\n>From quoted.\n>>From deeper.\n".utf8),
        Array("From: bob@example.org\r\nSubject: crlf\r\nDate: Sat, 02 Mar 2024 10:00:00 +0000\r\n\r\nLine one\r\nFrom here\r\n".utf8),
        Array("From: carol@example.org\nSubject: no final newline\n\nlast line without newline".utf8),
        Array("From: dan@example.org\nSubject: binary\nMIME-Version: 1.0\nContent-Type: application/octet-stream\nContent-Transfer-Encoding: binary\n\n".utf8)
            + [0, 1, 2, 0xFF, 0xFE, 0x0A, 0x46, 0x72, 0x6F, 0x6D, 0x20, 0x0D, 0x0A, 0x80, 0x0A],
        Array("Subject: =?utf-8?q?R=C3=A9union?=\nFrom: eve@example.org\n\n\nFrom \n\n".utf8),
    ]

    init(messages: [[UInt8]] = ExportTestArchive.awkwardMessages, folders: [String] = ["INBOX", "Réunions/2024", "Sent"]) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("cairn-export-\(UUID().uuidString)")
        store = try MailStore.open(at: folder.appendingPathComponent("archive"))
        self.messages = messages
        var keys: [MessageKey] = []
        try store.write { tx in
            for (index, bytes) in messages.enumerated() {
                let sighting = Sighting(source: .imap, account: "work", folder: MailboxName(folders[index % folders.count]),
                                        uidValidity: UIDValidity(7), uid: UID(UInt32(index + 1)),
                                        flags: index % 2 == 0 ? [.seen] : [.seen, .flagged])
                let outcome = try tx.insertMessage(bytes: bytes, metadata: MessageMetadata(subject: "m\(index)"),
                                                   sighting: sighting)
                keys.append(outcome.key)
            }
        }
        self.keys = keys
    }

    var output: String { folder.appendingPathComponent("out").path }

    func remove() {
        try? store.close()
        try? FileManager.default.removeItem(at: folder)
    }
}
