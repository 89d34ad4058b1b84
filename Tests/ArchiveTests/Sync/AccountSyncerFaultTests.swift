import Archive
import Foundation
import MailModel
import MailStore
import Testing
import TestSupport

@Suite("AccountSyncer: failures")
struct AccountSyncerFaultTests {
    @Test("a server that goes away mid-sync: a server failure, nothing lost, and the next sync completes")
    func serverGoesAway() async throws {
        let server = try DovecotServer.shared("ArchiveSyncTests")
        // The connection goes away in the middle of one message of the first folder, each time the
        // message is fetched: the sync makes progress, reconnects, tries again, and gives up.
        let prefix = "t\(UInt32.random(in: 0...UInt32.max))"
        let proxy = try await FaultProxy.start(upstreamPort: try #require(server.imapPort),
                                               fault: .cut(after: .marker("Line 3 of message 40 in \(prefix)-0:", plus: 10)))
        let h = try SyncHarness(server: server, prefix: prefix, port: proxy.port, plain: true)
        let folders = [h.folder("Big"), h.folder("Other")]
        var all: [TestMessage] = []
        for (index, folder) in folders.enumerated() {
            let messages = (0..<120).map { TestMessage.make("\(h.prefix)-\(index)", $0, size: 12_000) }
            try h.deliver(messages, to: folder)
            all += messages
        }
        var options = h.options()
        options.ingest.batchMessages = 10
        options.ingest.batchLatency = .milliseconds(50)
        let report = try await h.sync(options: options)
        await proxy.stop()
        let account = try #require(report.accounts.first)
        #expect(report.hasServerFailure)
        #expect(account.error?.isServerFailure == true)
        #expect(account.error?.description.contains("acct") == true)

        // What was committed is whole: every sighting's message is intact and every checkpoint is
        // covered by the messages below it.
        let archivedBefore = try h.read { reader -> Int in
            let count = try reader.messageCount()
            for folder in folders {
                guard let state = try reader.folderState(account: "acct", folder: folder), let validity = state.uidValidity,
                      let next = state.uidNext else { continue }
                let below = try reader.uids(account: "acct", folder: folder, uidValidity: validity).filter { $0 < next }
                #expect(below.count == Int(next.rawValue) - 1, "the checkpoint of \(folder) is ahead of its messages")
            }
            return count
        }
        #expect(archivedBefore >= 120 && archivedBefore < all.count)
        #expect(account.folders.first { $0.folder == folders[0] }?.error?.isServerFailure == true)
        #expect(account.folders.first { $0.folder == folders[1] }?.error == nil)

        // The server is back (reached without the proxy): the next sync completes what is missing.
        let direct = try SyncHarness(server: server, prefix: h.prefix, home: h.home)
        let again = try await direct.sync(options: options)
        #expect(again.accounts.first?.error == nil)
        #expect(!again.isPartial)
        try direct.read { reader in
            #expect(try reader.messageCount() == all.count)
            for message in all {
                let key = try #require(try reader.messageKey(for: message.id))
                #expect(try reader.sightings(of: key).filter { $0.expungedAt == nil }.count == 1)
            }
            for folder in folders {
                let state = try #require(try reader.folderState(account: "acct", folder: folder))
                #expect(try reader.uids(account: "acct", folder: folder, uidValidity: try #require(state.uidValidity)).count == 120)
            }
            #expect(try reader.verifyAuditChain().isIntact)
        }
    }

    @Test("stopped (cancelled) at many points: every checkpoint is covered by archived messages, and the next sync completes",
          arguments: [15, 60, 150, 250])
    func cancelledMidSync(after stored: Int) async throws {
        let server = try DovecotServer.shared("ArchiveSyncTests")
        let h = try SyncHarness(server: server)
        let folder = h.folder("Many")
        // Big enough pipelined batches that Dovecot, which runs pipelined FETCH commands in parallel,
        // interleaves their answers: messages arrive out of UID order.
        let messages = (0..<400).map { TestMessage.make("\(h.prefix)", $0, size: 8_000) }
        try h.deliver(messages, to: folder)
        var options = h.options()
        options.checkpointInterval = 7
        options.fetch.batchSize = 100
        options.fetch.pipelineDepth = 4
        options.ingest.batchMessages = 5
        options.ingest.batchLatency = .milliseconds(20)
        // Results (and so the stored events that time the cancellation) follow the index commits.
        options.ingest.indexCommitDocuments = 5
        let count = LockedCounter()
        let archive = try MailArchive.open(home: h.home, access: .readWrite)
        let syncer = MailSyncer(archive: archive, options: options, logger: SyncHarness.logger)
        let task = Task { try await syncer.sync(SyncRequest(accounts: [h.account])) { event in
            if case .messageStored = event { count.increment() }
        } }
        while count.value < stored { try await Task.sleep(for: .milliseconds(5)) }
        task.cancel()
        let report = try await task.value
        try archive.close()
        #expect(report.interrupted)
        try h.read { reader in
            let state = try #require(try reader.folderState(account: "acct", folder: folder))
            guard let validity = state.uidValidity, let next = state.uidNext else { return }
            let below = try reader.uids(account: "acct", folder: folder, uidValidity: validity).filter { $0 < next }
            #expect(below.count == Int(next.rawValue) - 1, "the checkpoint (UIDNEXT \(next)) is ahead of the archive")
        }
        let again = try await h.sync(options: options)
        #expect(again.accounts.first?.error == nil)
        let archived = try h.read { try $0.messageCount() }
        #expect(archived == messages.count)
    }

    @Test("a refused login is a server failure that says what to check")
    func refusedLogin() async throws {
        let h = try SyncHarness(server: try DovecotServer.shared("ArchiveSyncTests"))
        var options = h.options()
        options.environment = [SyncHarness.passwordVariable: "wrong password"]
        let report = try await h.sync(options: options)
        let error = try #require(report.accounts.first?.error)
        #expect(error.isServerFailure && error.isPermanent)
        #expect(error.description.contains("password"))
        #expect(!error.description.contains("wrong password"))
    }

    @Test("an unset password variable is reported before connecting")
    func missingSecret() async throws {
        let h = try SyncHarness(server: try DovecotServer.shared("ArchiveSyncTests"))
        var options = h.options()
        options.environment = [:]
        let report = try await h.sync(options: options)
        let error = try #require(report.accounts.first?.error)
        #expect(error.kind == .credentials)
        #expect(error.description.contains(SyncHarness.passwordVariable))
    }
}
