import Archive
import Foundation
import MailModel
import MailStore
import Testing
import TestSupport

/// SIGTERM and SIGINT sent to `cairn import` and `cairn sync` while they work (at a moment timed from
/// measured runs): each stops within seconds, says so, exits 130, and leaves a consistent archive that
/// the next run completes.
@Suite("Stopping import and sync with SIGTERM and SIGINT")
struct StopSignalTests {
    /// The longest a run may take to stop once signalled: one batch to commit, whatever the machine.
    static let stopLimit = 10.0

    @Test("import stops cleanly on a signal: what was read is committed and indexed, the rest comes next time",
          arguments: [SIGTERM, SIGINT])
    func importStops(_ signal: Int32) throws {
        let corpus = try GeneratedCorpus.make(count: 400, seed: 31, folders: 2)
        let home = CLIHome()
        let arguments = ["--home", home.path, "import", "maildir", corpus.directory.path, "--progress", "never"]
        let schedule = try KillSchedule.measure(
            fullRun: { let scratch = CLIHome(); try scratch.run(Array(arguments.dropFirst(2))) },
            startup: { let scratch = CLIHome(); try scratch.run(["import", "eml", "-"], input: testMessage("one", body: "x")) })
        var random = SystemRandomNumberGenerator()
        var stopped = 0
        for _ in 0..<6 where stopped == 0 {
            let process = try CairnProcess(arguments)
            usleep(useconds_t(schedule.delay(remaining: 1, using: &random) * 1_000_000))
            let signalled = ContinuousClock.now
            process.signal(signal)
            let result = process.wait()
            let took = (ContinuousClock.now - signalled).seconds
            if result.status == 0 { continue }   // it was done before the signal
            stopped += 1
            #expect(result.status == 130, "\(result.error)")
            #expect(took < Self.stopLimit, "took \(took) s to stop")
            #expect(result.error.contains("stopping"), "\(result.error)")
            #expect(result.error.contains("run it again"), "\(result.error)")
            // What was read is whole: committed, recorded and indexed.
            let archive = try MailArchive.open(home: URL(fileURLWithPath: home.path), access: .readOnly)
            let stats = try archive.stats()
            #expect(stats.pendingIndex == 0)
            #expect(stats.messages <= corpus.truth.messages.count)
            let intact = try archive.store.read { try $0.verifyAuditChain().isIntact }
            #expect(intact)
            try archive.close()
        }
        #expect(stopped == 1, "a signal should land mid-import (\(schedule))")
        let final = try CairnProcess.run(arguments)
        #expect(final.status == 0, "\(final.error)")
        let count = try home.run(["count"])
        #expect(count.text.trimmingCharacters(in: .whitespacesAndNewlines) == String(corpus.truth.messages.count))
        let verified = try home.run(["verify"])
        #expect(verified.status == 0, "\(verified.text)\(verified.error)")
    }

    @Test("sync stops cleanly on a signal: exit 130 within seconds, checkpoints covered, the next sync completes",
          arguments: [SIGTERM, SIGINT])
    func syncStops(_ signal: Int32) async throws {
        let setup = try await SyncCommandTests.Setup()
        defer { setup.remove() }
        let folder = setup.folder("Stop")
        let total = 400
        try setup.server.deliver(SyncCommandTests.messages(setup.prefix, 0..<total, size: 6_000), to: folder)
        let scratch = try await SyncCommandTests.Setup(server: setup.server, prefix: setup.prefix)
        defer { scratch.remove() }
        let schedule = try await KillSchedule.measure(
            fullRun: { _ = try await scratch.cairn(["sync", "--progress", "never"]) },
            startup: { _ = try await scratch.cairn(["sync", "--progress", "never"]) })
        var random = SystemRandomNumberGenerator()
        var stopped = false
        for _ in 0..<6 where !stopped {
            let process = try setup.start(["sync", "--progress", "never", "--checkpoint-interval", "20"])
            try await Task.sleep(for: .milliseconds(Int(schedule.delay(remaining: 1, using: &random) * 1000)))
            let signalled = ContinuousClock.now
            process.signal(signal)
            let status = await process.wait()
            let took = (ContinuousClock.now - signalled).seconds
            if status == 0 { continue }
            stopped = true
            #expect(status == 130, "\(process.standardError)")
            #expect(took < Self.stopLimit, "took \(took) s to stop")
            #expect(process.standardError.contains("stopping"), "\(process.standardError)")
            let archive = try MailArchive.open(home: URL(fileURLWithPath: setup.home), access: .readOnly)
            try await archive.store.read { reader in
                #expect(try reader.verifyAuditChain().isIntact)
                #expect(try reader.pendingIndexCount() == 0)
                if let state = try reader.folderState(account: "acct", folder: folder), let validity = state.uidValidity,
                   let next = state.uidNext {
                    let below = try reader.uids(account: "acct", folder: folder, uidValidity: validity).filter { $0 < next }
                    #expect(below.count == Int(next.rawValue) - 1, "the checkpoint is ahead of the archive")
                }
            }
            try archive.close()
        }
        #expect(stopped, "a signal should land mid-sync (\(schedule))")
        let last = try await setup.cairn(["sync", "--progress", "never"])
        #expect(last.status == 0, "\(last.errors)")
        let count = try await setup.cairn(["count", "folder:\"\(folder.path)\""])
        #expect(count.output.trimmingCharacters(in: .whitespacesAndNewlines) == String(total))
        let verified = try await setup.cairn(["verify"])
        #expect(verified.status == 0, "\(verified.output)\(verified.errors)")
    }
}
