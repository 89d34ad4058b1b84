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
        let link = try FaultyLink(upstreamPort: try #require(server.imapsPort))
        let h = try SyncHarness(server: server, port: link.port)
        let folders = [h.folder("Big"), h.folder("Other")]
        var all: [TestMessage] = []
        for (index, folder) in folders.enumerated() {
            let messages = (0..<120).map { TestMessage.make("\(h.prefix)-\(index)", $0, size: 12_000) }
            try h.deliver(messages, to: folder)
            all += messages
        }
        let stored = EventCounter()
        var options = h.options()
        options.ingest.batchMessages = 10
        options.ingest.batchLatency = .milliseconds(50)
        let report = try await h.sync(options: options) { event in
            if case .messageStored = event, stored.increment() == 30 { link.cut() }
        }
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
        #expect(archivedBefore >= 30 && archivedBefore < all.count)

        try link.restore()
        let again = try await h.sync(options: options)
        #expect(again.accounts.first?.error == nil)
        #expect(!again.isPartial)
        try h.read { reader in
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

/// A thread-safe counter for event handlers.
final class EventCounter: @unchecked Sendable {
    // Safe: `value` is only touched with `lock` held.
    private let lock = NSLock()
    private var value = 0

    /// Adds one and returns the new count.
    func increment() -> Int {
        lock.lock()
        defer { lock.unlock() }
        value += 1
        return value
    }

    /// The count.
    var count: Int {
        lock.lock()
        defer { lock.unlock() }
        return value
    }
}
