import Archive
import Foundation
import IMAPClient
import IMAPProtocol
import MailModel
import MailQuery
import MailStore
import NIOCore
import Testing
import TestSupport

@Suite("Compliance of synced archives (Dovecot)")
struct SyncComplianceTests {
    @Test("an archive verifies after syncs with flag changes and expunges; a hold covers mail synced later")
    func syncedArchive() async throws {
        let h = try SyncHarness(server: try DovecotServer.shared("ArchiveSyncTests"))
        let inbox = h.folder("Inbox")
        let first = (0..<10).map { TestMessage.make("\(h.prefix)-c", $0) }
        try h.deliver(first, to: inbox)
        _ = try await h.sync()
        // ann1@example.org sent messages 1 and 8 of the first batch, 15 of the second.
        let writer = try MailArchive.open(home: h.home, access: .readWrite)
        let now = Timestamp(secondsSince1970: Int64(Date().timeIntervalSince1970))
        let hold = try writer.placeHold(name: "ann1", query: try SearchQuery.parse("from:ann1@example.org", now: now), reason: nil)
        try writer.close()
        #expect(hold.messageCount == 2)

        let second = (10..<20).map { TestMessage.make("\(h.prefix)-c", $0) }
        try await h.onServer { connection in
            for message in second {
                try await connection.append(ByteBuffer(bytes: message.bytes), to: inbox, flags: message.flags,
                                            internalDate: message.internalDate)
            }
            try await connection.select(inbox)
            try await connection.store(UIDSet([UID(2), UID(3)]), StoreOperation(.add, [.flagged]))
            try await connection.store(UIDSet([UID(4)]), StoreOperation(.add, [.deleted]))
            try await connection.expunge(UIDSet([UID(4)]))
        }
        let report = try await h.sync()
        #expect(report.accounts.first?.error == nil)
        #expect(try h.count("hold:ann1") == 3)
        try h.read { reader throws in
            #expect(try reader.messageKeys(inHold: "ann1").count == 3)
            #expect(try reader.auditEntryCount(kind: .holdExtended) == 2)
            #expect(try reader.auditEntryCount(kind: .messageExpunged) == 1)
            #expect(try reader.auditEntryCount(kind: .flagsChanged) >= 1)
        }
        let reader = try MailArchive.open(home: h.home, access: .readOnly)
        defer { try? reader.close() }
        let verified = try ArchiveVerifier(archive: reader).run()
        #expect(verified.isIntact, "\(verified.problems)")
        #expect(verified.counts.messages == 20)
        #expect(ArchiveFolderModes.loosePaths(h.home).isEmpty)
    }
}
