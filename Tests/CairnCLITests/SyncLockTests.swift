import Archive
import Foundation
import MailModel
import MailStore
import Testing
import TestSupport

/// Two writers on one archive: a second `cairn sync` waits for the first, or gives up with exit 6 and
/// a message; the archive stays consistent either way.
@Suite("cairn sync and the archive lock")
struct SyncLockTests {
    @Test("two syncs of one archive at once: each ends with 0 or 6, at least one archives everything, once")
    func twoSyncsAtOnce() async throws {
        let setup = try await SyncCommandTests.Setup()
        defer { setup.remove() }
        let folder = setup.folder("Both")
        try setup.server.deliver(SyncCommandTests.messages(setup.prefix, 0..<300, size: 5_000), to: folder)
        // The archive exists before both start, so that neither waits on the other creating it.
        #expect(try await setup.cairn(["reindex"]).status == 0)
        let first = try setup.start(["sync", "--progress", "never"])
        let second = try setup.start(["sync", "--progress", "never"])
        let statuses = [await first.wait(), await second.wait()]
        let errors = first.standardError + second.standardError
        #expect(statuses.allSatisfy { $0 == 0 || $0 == 6 }, "\(statuses): \(errors)")
        #expect(statuses.contains(0), "\(statuses): \(errors)")
        if statuses.contains(6) { #expect(errors.contains("locked"), "\(errors)") }

        let archive = try MailArchive.open(home: URL(fileURLWithPath: setup.home), access: .readOnly)
        try await archive.store.read { reader in
            #expect(try reader.messageCount() == 300)
            let state = try #require(try reader.folderState(account: "acct", folder: folder))
            let uids = try reader.uids(account: "acct", folder: folder, uidValidity: try #require(state.uidValidity))
            #expect(uids.count == 300 && Set(uids).count == 300)
            #expect(try reader.verifyAuditChain().isIntact)
        }
        try archive.close()
        let verified = try await setup.cairn(["verify"])
        #expect(verified.status == 0, "\(verified.output)\(verified.errors)")
    }

    @Test("a sync while another writer holds the lock: it waits, then exits 6 saying the archive is locked; nothing written")
    func lockedExitsSix() async throws {
        let setup = try await SyncCommandTests.Setup()
        defer { setup.remove() }
        try setup.server.deliver(SyncCommandTests.messages(setup.prefix, 0..<5), to: setup.folder("Locked"))
        #expect(try await setup.cairn(["reindex"]).status == 0)
        let holder = try MailArchive.open(home: URL(fileURLWithPath: setup.home), access: .readWrite)
        let clock = ContinuousClock()
        let started = clock.now
        let sync = try await SyncProcess.run(["--home", setup.home, "sync", "--progress", "never"],
                                             environment: [SyncCommandTests.variable: setup.server.password, "CAIRN_LOCK_TIMEOUT": "0.5"])
        let waited = (clock.now - started).seconds
        #expect(sync.status == 6, "\(sync.errors)")
        #expect(sync.errors.contains("locked"), "\(sync.errors)")
        #expect(waited >= 0.5, "it should wait for the lock first")
        let count = try await holder.store.read { try $0.messageCount() }
        #expect(count == 0)
        try holder.close()
    }

    @Test("a sync that waits for the lock goes on once the other writer is done")
    func waitsThenSyncs() async throws {
        let setup = try await SyncCommandTests.Setup()
        defer { setup.remove() }
        try setup.server.deliver(SyncCommandTests.messages(setup.prefix, 0..<5), to: setup.folder("Wait"))
        #expect(try await setup.cairn(["reindex"]).status == 0)
        let holder = try MailArchive.open(home: URL(fileURLWithPath: setup.home), access: .readWrite)
        let process = try SyncProcess.start(["--home", setup.home, "sync", "--progress", "never"],
                                            environment: [SyncCommandTests.variable: setup.server.password, "CAIRN_LOCK_TIMEOUT": "60"])
        try await Task.sleep(for: .milliseconds(500))
        #expect(process.isRunning, "it should be waiting for the lock: \(process.standardError)")
        try holder.close()
        #expect(await process.wait() == 0, "\(process.standardError)")
        let count = try await setup.cairn(["count", "folder:\"\(setup.prefix)/Wait\""])
        #expect(count.output.trimmingCharacters(in: .whitespacesAndNewlines) == "5")
    }
}
