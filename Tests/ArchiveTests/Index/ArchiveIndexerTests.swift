import Archive
import Foundation
import MailModel
import MailStore
import Testing

@Suite("Index catch-up and rebuild")
struct ArchiveIndexerTests {
    /// Stores messages in the store only, as if the process died between the store's commit and the
    /// index's.
    private func storeOnly(_ test: TemporaryArchive, _ messages: [[UInt8]], folder: String = "INBOX") throws {
        try test.archive.store.write { tx in
            for bytes in messages {
                _ = try tx.insertMessage(bytes: bytes, metadata: MessageMetadata(),
                                         sighting: Sighting(source: .eml, account: "test", folder: MailboxName(folder)))
            }
        }
    }

    @Test("messages stored but not indexed (a crash between the commits) are indexed when a writer opens")
    func catchUpAfterCrash() throws {
        let test = try TemporaryArchive()
        try test.ingest([(TestMail.message(subject: "indexed", body: "wurbleflax"), "INBOX")])
        try storeOnly(test, (0..<25).map { TestMail.message(subject: "lost \($0)", body: "quimbleton \($0)") })
        #expect(try test.pendingIndexCount() == 25)
        #expect(try test.ids("quimbleton").isEmpty)
        try test.reopen()
        #expect(try test.pendingIndexCount() == 0)
        #expect(try test.ids("quimbleton").count == 25)
        #expect(try test.ids("subject:lost 17").count == 1)
        #expect(try test.documentCount() == 26)
    }

    @Test("a message whose place changed gets its state updated without being decoded again")
    func stateOnly() throws {
        let test = try TemporaryArchive()
        let (_, results) = try test.ingest([(TestMail.message(subject: "moving", body: "zentrifluff"), "INBOX")])
        let key = try #require(results.first?.message?.key)
        try test.archive.store.write { tx in
            _ = try tx.recordSighting(Sighting(source: .eml, account: "test", folder: MailboxName("Archive"), flags: [.flagged]),
                                      of: key)
        }
        #expect(try test.ids("folder:Archive").isEmpty)
        let report = try test.archive.makeIndexer().catchUp()
        #expect(report.updated == 1 && report.built == 0)
        #expect(try test.ids("folder:Archive zentrifluff").count == 1)
        #expect(try test.ids("flag:flagged").count == 1)
        #expect(try test.pendingIndexCount() == 0)
    }

    @Test("reindex rebuilds the same index from the store and records an audit entry")
    func rebuild() throws {
        let test = try TemporaryArchive()
        let mails = (0..<40).map { TestMail.message(subject: "note \($0)", body: "word\($0 % 7) common text") }
        try test.ingest(mails.enumerated().map { ($0.element, $0.offset % 2 == 0 ? "INBOX" : "Sent") })
        let queries = ["common", "word3", "folder:Sent", "subject:note", "\"common text\""]
        let before = try queries.map { try test.ids($0) }
        let report = try test.archive.makeIndexer().rebuild()
        #expect(report.built == 40)
        #expect(try queries.map { try test.ids($0) } == before)
        #expect(try test.documentCount() == 40)
        let kinds = try test.archive.store.read { try $0.auditEntries(after: 0, limit: 1000).map(\.kind) }
        #expect(kinds.last == .reindex)
    }

    @Test("a lost index folder is rebuilt when a writer opens")
    func lostIndex() throws {
        let test = try TemporaryArchive()
        try test.ingest((0..<12).map { (TestMail.message(subject: "kept \($0)", body: "plonkwise"), "INBOX") })
        try test.archive.close()
        try FileManager.default.removeItem(atPath: MailArchive.indexDirectory(in: test.home))
        try test.reopen()
        #expect(try test.ids("plonkwise").count == 12)
        #expect(try test.pendingIndexCount() == 0)
    }
}
