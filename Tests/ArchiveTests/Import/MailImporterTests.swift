@testable import Archive
import Foundation
import MailModel
import MailStore
import TestSupport
import Testing

@Suite("Importing Maildirs, mboxes and .eml files")
struct MailImporterTests {
    private static let count = 120

    @Test("importing the same Maildir twice stores nothing new")
    func twice() throws {
        let corpus = try GeneratedCorpus.make(count: MailImporterTests.count, seed: 7, folders: 3)
        let test = try TemporaryArchive()
        let importer = MailImporter(archive: test.archive)
        let first = try importer.run(ImportRequest(kind: .maildir, paths: [corpus.directory.path]))
        let second = try importer.run(ImportRequest(kind: .maildir, paths: [corpus.directory.path]))
        #expect(first.new == corpus.truth.messages.count)
        #expect(second.new == 0 && second.existing == second.read && second.read == first.read)
        #expect(try test.messageCount() == corpus.truth.messages.count)
        #expect(try test.pendingIndexCount() == 0)
        let imports = try test.archive.store.read { try $0.auditEntries().filter { $0.kind == .importRun } }
        #expect(imports.count == 2)
    }

    @Test("a Maildir and then the same mail as mbox files: every message stored once")
    func maildirThenMbox() throws {
        let maildir = try GeneratedCorpus.make(count: MailImporterTests.count, seed: 7, folders: 3)
        let mbox = try GeneratedCorpus.make(count: MailImporterTests.count, seed: 7, folders: 3, format: "mbox")
        let test = try TemporaryArchive()
        let importer = MailImporter(archive: test.archive)
        _ = try importer.run(ImportRequest(kind: .maildir, paths: [maildir.directory.path]))
        let fromMbox = try importer.run(ImportRequest(kind: .mbox, paths: [mbox.directory.path]))
        let maildirIDs = Set(maildir.truth.messages.map(\.id)), mboxIDs = Set(mbox.truth.messages.map(\.id))
        // The generator gives a truncated message a final newline in an mbox: those are new bytes.
        #expect(fromMbox.new == mboxIDs.subtracting(maildirIDs).count)
        #expect(fromMbox.failed == 0)
        #expect(try test.messageCount() == maildirIDs.union(mboxIDs).count)
        for message in mbox.truth.messages {
            let key = try test.archive.resolve(message.id).key
            var hasher = SHA256()
            try test.archive.withRawBytes(of: key) { hasher.update($0) }
            let expected = maildirIDs.contains(message.id)
                ? maildir.truth.messages.first { $0.id == message.id }!.sha256 : message.sha256
            #expect(hasher.finalize().hex == expected)
            let folders = Set(try test.archive.details(of: key).summary.folders.map(\.folder.path))
            #expect(folders.isSuperset(of: message.copies.map(\.folder)), "message \(message.index)")
        }
    }

    @Test(".eml files and folders are imported into one folder; unreadable paths are reported")
    func emlFiles() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cairn-eml-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("sub"), withIntermediateDirectories: true)
        try Data(TestMail.message(subject: "one", body: "gnarfle")).write(to: folder.appendingPathComponent("a.eml"))
        try Data(TestMail.message(subject: "two", body: "gnarfle")).write(to: folder.appendingPathComponent("sub/b.eml"))
        try Data().write(to: folder.appendingPathComponent("empty.eml"))
        let test = try TemporaryArchive()
        let summary = try MailImporter(archive: test.archive).run(ImportRequest(
            kind: .eml, paths: [folder.path, folder.appendingPathComponent("missing").path], folder: "Saved"))
        #expect(summary.new == 2)
        #expect(summary.failed == 2)
        #expect(summary.failures.map(\.label).sorted() == [folder.appendingPathComponent("empty.eml").path,
                                                           folder.appendingPathComponent("missing").path])
        #expect(try test.ids("folder:Saved gnarfle").count == 2)
    }
}

@Suite("Finding import sources")
struct ImportSourcesTests {
    @Test("mbox folder names come from file names and places", arguments: [
        (["INBOX.mbox"], "INBOX"),
        (["Lists", "cairn-dev.mbox"], "Lists/cairn-dev"),
        (["Inbox.sbd", "Work"], "Inbox/Work"),
        (["Sent"], "Sent"),
        ([".mbox"], ".mbox"),
    ])
    func mboxFolderNames(components: [String], folder: String) {
        #expect(MboxFinder.folderName(components) == folder)
    }

    @Test("mbox files below a folder are found; other files are skipped")
    func findsMboxes() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cairn-mbox-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("Lists"), withIntermediateDirectories: true)
        try Data("From a@b Mon Jan  1 00:00:00 2024\nSubject: x\n\nhi\n".utf8).write(to: folder.appendingPathComponent("INBOX.mbox"))
        try Data("From a@b Mon Jan  1 00:00:00 2024\n\n".utf8).write(to: folder.appendingPathComponent("Lists/dev.mbox"))
        try Data("not an mbox".utf8).write(to: folder.appendingPathComponent("notes.txt"))
        try Data("From x".utf8).write(to: folder.appendingPathComponent("INBOX.msf"))
        let found = try MboxFinder.find(at: folder.path)
        #expect(found.map(\.folder) == ["INBOX", "Lists/dev"])
    }
}
