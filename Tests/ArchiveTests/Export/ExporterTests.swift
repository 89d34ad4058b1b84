@testable import Archive
import Foundation
import MIME
import MailModel
import MailStore
import Testing

@Suite struct ExporterTests {
    /// A plain mboxrd reader, written here independently of MIME's: a line `From ` at the start of
    /// the file or after a blank line starts a message; `>+From ` lines lose one `>`; the blank line
    /// before the next `From ` line (or the end) belongs to the separator.
    static func readMboxrd(_ bytes: [UInt8], unescape: Bool = true) -> [[UInt8]] {
        var lines: [[UInt8]] = []
        var start = 0
        for index in bytes.indices where bytes[index] == 0x0A {
            lines.append(Array(bytes[start...index]))
            start = index + 1
        }
        if start < bytes.count { lines.append(Array(bytes[start...])) }
        let from = Array("From ".utf8)
        var messages: [[UInt8]] = []
        var current: [UInt8]? = nil
        var previousBlank = true
        for line in lines {
            if previousBlank && line.starts(with: from) {
                if var message = current {
                    if message.last == 0x0A { message.removeLast() }
                    messages.append(message)
                }
                current = []
                previousBlank = false
                continue
            }
            var content = line
            if unescape, let first = content.firstIndex(where: { $0 != UInt8(ascii: ">") }), first > 0,
               content[first...].starts(with: from) {
                content.removeFirst()
            }
            current?.append(contentsOf: content)
            previousBlank = line == [0x0A]
        }
        if var message = current {
            if message.last == 0x0A { message.removeLast() }
            messages.append(message)
        }
        return messages
    }

    static func expectedInMbox(_ message: [UInt8]) -> [UInt8] {
        message.last == 0x0A ? message : message + [0x0A]
    }

    @Test func mboxrdRoundTripsByteForByte() throws {
        let archive = try ExportTestArchive()
        defer { archive.remove() }
        let path = archive.output + ".mbox"
        let manifestPath = archive.output + ".json"
        let report = try Exporter(store: archive.store, generator: "cairn test")
            .export(archive.keys, query: "*", to: .mbox(path: path, variant: .mboxrd), manifestPath: manifestPath)
        #expect(report.count == archive.messages.count)
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        let read = ExporterTests.readMboxrd(bytes)
        #expect(read.count == archive.messages.count)
        for (original, back) in zip(archive.messages, read) {
            #expect(back == ExporterTests.expectedInMbox(original))
        }
        // The manifest names every message and the file, with hashes a recipient can check.
        let manifest = try JSONDecoder().decode(ExportManifest.self, from: Data(contentsOf: URL(fileURLWithPath: manifestPath)))
        #expect(manifest.count == archive.messages.count)
        #expect(manifest.files.count == 1)
        #expect(manifest.files[0].sha256 == SHA256.hash(bytes).hex)
        #expect(manifest.messages.map(\.sha256) == archive.messages.map { SHA256.hash($0).hex })
        #expect(manifest.messages.map(\.id) == archive.messages.map { MessageID.of($0).hex })
        #expect(manifest.messages[2].mboxAddedFinalNewline == true)
        #expect(manifest.messages[0].mboxAddedFinalNewline == nil)
        for message in manifest.messages {
            let offset = Int(try #require(message.mboxOffset))
            #expect(bytes[offset...].starts(with: Array("From ".utf8)))
        }
        // And the export is in the audit trail with the manifest's hash.
        let audit = try archive.store.read { try $0.auditEntries(since: nil, limit: 1000) }
        let exportEntry = try #require(audit.last { $0.kind == .export })
        #expect(exportEntry.payload.contains(report.manifestSHA256.hex))
    }

    @Test func mboxReadsBackWithCairnsOwnReader() throws {
        let archive = try ExportTestArchive()
        defer { archive.remove() }
        let path = archive.output + ".mbox"
        _ = try Exporter(store: archive.store, generator: "cairn test")
            .export(archive.keys, query: "*", to: .mbox(path: path, variant: .mboxrd), manifestPath: nil)
        var reader = MboxReader(options: .init(variant: .mboxrd))
        reader.feed(Array(try Data(contentsOf: URL(fileURLWithPath: path))))
        reader.finish()
        var messages: [[UInt8]] = []
        while let event = reader.next() {
            switch event {
            case .messageBegin: messages.append([])
            case .messageBytes(let buffer): messages[messages.count - 1].append(contentsOf: buffer.readableBytesView)
            default: break
            }
        }
        #expect(messages == archive.messages.map(ExporterTests.expectedInMbox))
    }

    @Test(arguments: [MboxVariant.mboxo, .mboxrd])
    func mboxReadsBackWithPythonsMailbox(variant: MboxVariant) throws {
        // mboxo cannot tell an escaped `>From ` from a written one: it gets messages without `>From `.
        var messages = [
            Array("From: a@example.org\nSubject: one\n\nFrom the start\nbody\n".utf8),
            Array("From: b@example.org\r\nSubject: two\r\n\r\nFrom crlf\r\n".utf8),
            Array("From: c@example.org\nSubject: binary\n\n".utf8) + [0, 0xFF, 0x0D, 0x0A, 0x80, 0x0A],
        ]
        if variant == .mboxrd { messages.append(Array("Subject: quoted\n\n>From a\n>>From b\nFrom c\n".utf8)) }
        let archive = try ExportTestArchive(messages: messages)
        defer { archive.remove() }
        let path = archive.output + ".mbox"
        _ = try Exporter(store: archive.store, generator: "cairn test")
            .export(archive.keys, query: "*", to: .mbox(path: path, variant: variant), manifestPath: nil)
        let digests = try PythonMailbox.mboxDigests(path, variant: variant.rawValue)
        #expect(digests == messages.map { SHA256.hash($0).hex })
    }

    @Test func maildirKeepsFoldersFlagsAndBytes() throws {
        let archive = try ExportTestArchive()
        defer { archive.remove() }
        let report = try Exporter(store: archive.store, generator: "cairn test")
            .export(archive.keys, query: "*", to: .maildir(path: archive.output), manifestPath: nil)
        #expect(report.count == archive.messages.count)
        // Python's mailbox.Maildir reads every folder; each message is in the folder it was seen in.
        let byFolder = try PythonMailbox.maildirDigests(archive.output)
        let expected: [String: [String]] = Dictionary(grouping: archive.messages.indices, by: { index -> String in
            ["", "R&AOk-unions.2024", "Sent"][index % 3]
        }).mapValues { $0.map { SHA256.hash(archive.messages[$0]).hex }.sorted() }
        #expect(byFolder.mapValues { $0.map(\.digest).sorted() } == expected)
        // Flags are in the names: every message was seen, odd ones flagged too.
        for (_, entries) in byFolder {
            for entry in entries {
                let index = archive.messages.firstIndex { SHA256.hash($0).hex == entry.digest }!
                #expect(entry.flags == (index % 2 == 0 ? "S" : "FS"))
            }
        }
        // Cairn's own walker reads the folder names back.
        let files = try MailSourceWalker.maildir(at: archive.output)
        #expect(Set(files.compactMap(\.folder)) == ["INBOX", "Réunions/2024", "Sent"])
    }

    @Test func emlFilesAreExactAndNeverOverwrite() throws {
        let archive = try ExportTestArchive()
        defer { archive.remove() }
        try FileManager.default.createDirectory(atPath: archive.output, withIntermediateDirectories: true)
        let report = try Exporter(store: archive.store, generator: "cairn test")
            .export(archive.keys, query: "*", to: .eml(path: archive.output), manifestPath: nil)
        let names = report.manifest.messages.flatMap(\.files)
        #expect(Set(names).count == archive.messages.count)
        for (message, name) in zip(archive.messages, names) {
            #expect(Array(try Data(contentsOf: URL(fileURLWithPath: archive.output + "/" + name))) == message)
            #expect(name.hasSuffix(".eml") && !name.contains("/"))
        }
        // A second export into the same folder makes new names instead of overwriting.
        let again = try Exporter(store: archive.store, generator: "cairn test")
            .export(archive.keys, query: "*", to: .eml(path: archive.output), manifestPath: nil)
        #expect(Set(again.manifest.messages.flatMap(\.files)).isDisjoint(with: names))
    }

    @Test func refusesToOverwriteAnMbox() throws {
        let archive = try ExportTestArchive()
        defer { archive.remove() }
        let path = archive.output + ".mbox"
        #expect(FileManager.default.createFile(atPath: path, contents: Data("keep me".utf8)))
        #expect(throws: ExportError.self) {
            try Exporter(store: archive.store, generator: "cairn test")
                .export(archive.keys, query: "*", to: .mbox(path: path, variant: .mboxrd), manifestPath: nil)
        }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "keep me")
    }
}
