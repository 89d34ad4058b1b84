import Archive
import Foundation
import IMAPClient
import IMAPProtocol
import MailModel
import MailStore
import NIOCore
import Testing
import TestSupport

@Suite("FolderSyncer: a changed UIDVALIDITY")
struct FolderSyncerReassociationTests {
    @Test("a folder deleted and recreated with the same mail is re-found by content: no duplicate, no re-download")
    func recreatedFolder() async throws {
        let server = try DovecotServer.start()
        defer { server.stop() }
        let h = try SyncHarness(server: server)
        let folder = h.folder("V")
        let messages = (0..<8).map { TestMessage.make("\(h.prefix)-v", $0, size: 2_000) }
        try h.deliver(messages, to: folder)
        _ = try await h.sync()
        let oldValidity = try #require(try h.read { try $0.folderState(account: "acct", folder: folder)?.uidValidity })

        // Delete and recreate the folder with the same mail (same INTERNALDATE and flags) and one more.
        let extra = TestMessage.make("\(h.prefix)-v", 99)
        var newValidity = oldValidity
        for _ in 0..<5 where newValidity == oldValidity {
            try await Task.sleep(for: .milliseconds(1_100))   // Dovecot's UIDVALIDITY is a time
            newValidity = try await h.onServer { connection in
                try await connection.delete(folder)
                try await connection.create(folder)
                for message in messages + [extra] {
                    try await connection.append(ByteBuffer(bytes: message.bytes), to: folder, flags: message.flags,
                                                internalDate: message.internalDate)
                }
                return try await connection.select(folder, readOnly: true).uidValidity
            }
        }
        #expect(newValidity != oldValidity)
        let logBefore = server.log().utf8.count

        let report = try await h.sync()
        let account = try #require(report.accounts.first)
        #expect(account.error == nil)
        let result = try #require(account.folders.first { $0.folder == folder })
        #expect(result.uidValidityChanged)
        #expect(result.reassociated == 8)
        #expect(result.new == 1)
        #expect(result.existing == 0)

        // The server sent exactly one message body, the new one (Dovecot counts them per session).
        #expect(try await Self.bodiesSent(server, after: logBefore) == 1)

        try h.read { reader in
            #expect(try reader.messageCount() == 9)
            #expect(try reader.uids(account: "acct", folder: folder, uidValidity: newValidity).count == 9)
            #expect(try reader.uids(account: "acct", folder: folder, uidValidity: oldValidity).isEmpty)
            let changes = try reader.uidValidityChanges(account: "acct", folder: folder)
            #expect(changes.map(\.old) == [oldValidity])
            #expect(changes.map(\.new) == [newValidity])
            for message in messages {
                let key = try #require(try reader.messageKey(for: message.id))
                let live = try reader.sightings(of: key).filter { $0.expungedAt == nil }
                #expect(live.map(\.sighting.uidValidity) == [newValidity])
                #expect(live.first?.sighting.flags == Set(message.flags))
            }
            let audit = try reader.verifyAuditChain()
            #expect(audit.isIntact)
        }
        #expect(try h.count("is:expunged") == 0)
        #expect(try h.count("folder:\"\(h.prefix)/V\"") == 9)
    }

    /// The message bodies the server sent in the sessions logged after `offset` (the log's
    /// `body_count` of each session), once every session that logged in has logged out.
    static func bodiesSent(_ server: DovecotServer, after offset: Int) async throws -> Int {
        for _ in 0..<50 {
            let lines = String(decoding: server.log().utf8.dropFirst(offset), as: UTF8.self).split(separator: "\n")
            let sessions = lines.filter { $0.contains("Login: user=") }.compactMap { line -> Substring? in
                guard let range = line.range(of: "session=<") else { return nil }
                return line[range.upperBound...].prefix { $0 != ">" }
            }
            let ends = sessions.compactMap { session in
                lines.first { $0.contains("<\(session)>: Info: Disconnected") }
            }
            if ends.count == sessions.count {
                return ends.reduce(0) { total, line in
                    guard let range = line.range(of: "body_count=") else { return total }
                    return total + (Int(line[range.upperBound...].prefix { $0.isNumber }) ?? 0)
                }
            }
            try await Task.sleep(for: .milliseconds(100))
        }
        Issue.record("the server did not log every session's end")
        return -1
    }
}
