import Archive
import Foundation
import MailModel
import MailStore
import Testing
import TestSupport

/// SIGTERM and SIGINT sent to `cairn import` and `cairn sync` while they work (once their first messages
/// are committed, a real event rather than a guessed delay): each stops within seconds, says so, exits
/// 130, and leaves a consistent archive that the next run completes.
@Suite("Stopping import and sync with SIGTERM and SIGINT")
struct StopSignalTests {
    /// The longest a run may take to stop once signalled: one batch to commit, whatever the machine.
    static let stopLimit = 10.0

    /// Sends `signal` once the archive at `home` holds its first committed message (a real event,
    /// whatever the speed of the machine): the exit status and the seconds the process took to stop,
    /// or nil when it finished (exit 0) before the signal could land.
    static func stop(_ process: ChildProcess, with signal: Int32, onceCommittedIn home: String) async throws
        -> (status: Int32, seconds: Double)? {
        guard try await ArchiveProgress.waitForMessages(1, in: home, timeout: .seconds(60), while: { process.isRunning }) else {
            #expect(await process.wait() == 0, "\(process.standardError)")
            return nil
        }
        let signalled = ContinuousClock.now
        process.signal(signal)
        let status = await process.wait()
        let took = (ContinuousClock.now - signalled).seconds
        return status == 0 ? nil : (status, took)
    }

    @Test("import stops cleanly on a signal: what was read is committed and indexed, the rest comes next time",
          arguments: [SIGTERM, SIGINT])
    func importStops(_ signal: Int32) async throws {
        let corpus = try GeneratedCorpus.make(count: 400, seed: 31, folders: 2)
        var stopped = false
        // Each round in a new archive; the signal goes out once the first messages are committed (a
        // real event, whatever the speed of the machine). A round that finished first is tried again.
        for _ in 0..<4 where !stopped {
            let home = CLIHome()   // removed at the end of the round
            let arguments = ["--home", home.path, "import", "maildir", corpus.directory.path, "--progress", "never"]
            let process = try SyncProcess.start(arguments)
            guard let (status, took) = try await Self.stop(process, with: signal, onceCommittedIn: home.path) else { continue }
            stopped = true
            let errors = process.standardError
            #expect(status == 130, "\(errors)")
            #expect(took < Self.stopLimit, "took \(took) s to stop")
            #expect(errors.contains("stopping"), "\(errors)")
            #expect(errors.contains("run it again"), "\(errors)")
            // What was read is whole: committed, recorded and indexed.
            let archive = try MailArchive.open(home: URL(fileURLWithPath: home.path), access: .readOnly)
            let stats = try archive.stats()
            #expect(stats.pendingIndex == 0)
            #expect(stats.messages <= corpus.truth.messages.count)
            let intact = try await archive.store.read { try $0.verifyAuditChain().isIntact }
            #expect(intact)
            try archive.close()
            let final = try CairnProcess.run(arguments)
            #expect(final.status == 0, "\(final.error)")
            let count = try home.run(["count"])
            #expect(count.text.trimmingCharacters(in: .whitespacesAndNewlines) == String(corpus.truth.messages.count))
            let verified = try home.run(["verify"])
            #expect(verified.status == 0, "\(verified.text)\(verified.error)")
        }
        #expect(stopped, "a signal should land mid-import")
    }

    @Test("sync stops cleanly on a signal: exit 130 within seconds, checkpoints covered, the next sync completes",
          arguments: [SIGTERM, SIGINT])
    func syncStops(_ signal: Int32) async throws {
        let setup = try await SyncCommandTests.Setup()
        defer { setup.remove() }
        let folder = setup.folder("Stop")
        let total = 400
        try setup.server.deliver(SyncCommandTests.messages(setup.prefix, 0..<total, size: 6_000), to: folder)
        var stopped = false
        for _ in 0..<4 where !stopped {
            // Each round in a new archive of the same account, signalled once the first messages are
            // committed (a real event); a round that finished first is tried again.
            let round = try await SyncCommandTests.Setup(server: setup.server, prefix: setup.prefix)
            defer { round.remove() }
            let process = try round.start(["sync", "--progress", "never", "--checkpoint-interval", "20"])
            guard let (status, took) = try await Self.stop(process, with: signal, onceCommittedIn: round.home) else { continue }
            stopped = true
            #expect(status == 130, "\(process.standardError)")
            #expect(took < Self.stopLimit, "took \(took) s to stop")
            #expect(process.standardError.contains("stopping"), "\(process.standardError)")
            let archive = try MailArchive.open(home: URL(fileURLWithPath: round.home), access: .readOnly)
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
            let last = try await round.cairn(["sync", "--progress", "never"])
            #expect(last.status == 0, "\(last.errors)")
            let count = try await round.cairn(["count", "folder:\"\(folder.path)\""])
            #expect(count.output.trimmingCharacters(in: .whitespacesAndNewlines) == String(total))
            let verified = try await round.cairn(["verify"])
            #expect(verified.status == 0, "\(verified.output)\(verified.errors)")
        }
        #expect(stopped, "a signal should land mid-sync")
    }
}
