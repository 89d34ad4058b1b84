import Archive
import Foundation
import MailModel
import MailStore
import Testing
import TestSupport

@Suite("FetchOnlyRun against Dovecot: every body read, nothing archived")
struct FetchOnlyRunTests {
    static func server() throws -> DovecotServer { try DovecotServer.shared("ArchiveSyncTests") }

    @Test("counts every message and byte a sync would fetch, over several connections, and archives nothing")
    func countsEverything() async throws {
        let h = try SyncHarness(server: try Self.server())
        // Sizes from a few hundred bytes to 300 KB (streamed in many chunks), LF and CRLF line ends.
        let layout: [(String, Int)] = [("Inbox", 23), ("Entwürfe", 9), ("Réunions/2024", 4), ("Empty", 0)]
        var expectedMessages = 0, expectedBytes = 0
        for (index, (name, count)) in layout.enumerated() {
            let messages = (0..<count).map { n in
                TestMessage.make("\(h.prefix)-\(index)", n, size: n == 3 ? 300_000 : 300 + n * 211)
            }
            if count == 0 { try h.server.createMailbox(h.folder(name)) } else { try h.deliver(messages, to: h.folder(name)) }
            expectedMessages += messages.count
            expectedBytes += messages.reduce(0) { $0 + $1.servedBytes.count }
        }
        // An archive exists beside the run; the run must leave it as it was.
        try MailArchive.open(home: h.home, access: .readWrite).close()

        var options = h.options()
        options.connectionsPerAccount = 2
        options.fetchChunk = 7            // several streams per folder
        options.fetch.batchSize = 3       // several commands in flight per stream
        let report = await FetchOnlyRun(options: options, logger: SyncHarness.logger)
            .run(SyncRequest(accounts: [h.account]))

        let account = try #require(report.accounts.first)
        #expect(account.error == nil)
        #expect(account.failures.isEmpty)
        #expect(account.folders == layout.count)
        #expect(account.messages == expectedMessages)
        #expect(account.bytes == Int64(expectedBytes))
        #expect(!report.hasServerFailure && !report.isPartial)
        let (stored, states) = try h.read { reader in (try reader.messageCount(), try reader.folderStates(account: "acct")) }
        #expect(stored == 0)
        #expect(states.isEmpty)
    }

    @Test("--folder limits the folders read, as it limits a sync")
    func folderGlob() async throws {
        let h = try SyncHarness(server: try Self.server())
        let a = (0..<5).map { TestMessage.make("\(h.prefix)-a", $0) }
        let b = (0..<3).map { TestMessage.make("\(h.prefix)-b", $0, size: 1_000) }
        try h.deliver(a, to: h.folder("A"))
        try h.deliver(b, to: h.folder("B"))
        let report = await FetchOnlyRun(options: h.options(), logger: SyncHarness.logger)
            .run(SyncRequest(accounts: [h.account], folders: [h.prefix + "/B"]))
        #expect(report.folders == 1)
        #expect(report.messages == 3)
        #expect(report.bytes == Int64(b.reduce(0) { $0 + $1.servedBytes.count }))
    }

    @Test("a refused login is an account failure of the server kind (exit 5), never a crash or a hang")
    func wrongPassword() async throws {
        let h = try SyncHarness(server: try Self.server())
        var options = h.options()
        options.environment = [SyncHarness.passwordVariable: "not-the-password"]
        let report = await FetchOnlyRun(options: options, logger: SyncHarness.logger).run(SyncRequest(accounts: [h.account]))
        let account = try #require(report.accounts.first)
        #expect(account.error?.isServerFailure == true)
        #expect(account.error?.message.contains("not-the-password") == false)
        #expect(report.hasServerFailure)
        #expect(report.messages == 0)
    }
}
