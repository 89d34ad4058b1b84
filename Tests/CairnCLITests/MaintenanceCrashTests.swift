import Archive
import Foundation
import MailStore
import Testing
import TestSupport

/// `cairn export`, `cairn reindex` and `cairn purge --yes` killed with SIGKILL at random moments
/// (timed from measured runs, see ``KillSchedule``), then run to the end: the archive stays
/// consistent after every kill, and `cairn verify` is clean at the end.
@Suite("Killing export, reindex and purge")
struct MaintenanceCrashTests {
    /// An archive of a generated corpus, imported with `cairn import`, in a new home.
    static func importedHome(count: Int, seed: Int) throws -> (CLIHome, GeneratedCorpus) {
        let corpus = try GeneratedCorpus.make(count: count, seed: seed, folders: 2)
        let home = CLIHome()
        let imported = try home.run(["import", "maildir", corpus.directory.path, "--progress", "never"])
        #expect(imported.status == 0, "\(imported.error)")
        return (home, corpus)
    }

    /// A copy of `home`'s archive in a new home (for timing a run without touching the original).
    static func copy(_ home: CLIHome) throws -> CLIHome {
        let copy = CLIHome()
        try FileManager.default.copyItem(atPath: home.path, toPath: copy.path)
        return copy
    }

    /// Runs `arguments` up to `rounds` times, killing each run at a scheduled moment; `check` looks
    /// at the archive after each kill. Returns how many kills hit a running process.
    static func killRepeatedly(_ home: CLIHome, _ arguments: (Int) -> [String], schedule: KillSchedule, rounds: Int = 8,
                               wanted: Int = 3, check: (Int) throws -> Void) throws -> Int {
        var random = SystemRandomNumberGenerator()
        var killed = 0
        for round in 0..<rounds where killed < wanted {
            let process = try CairnProcess(["--home", home.path] + arguments(round))
            usleep(useconds_t(schedule.delay(using: &random) * 1_000_000))
            process.kill()
            let result = process.wait()
            if result.status == 128 + SIGKILL { killed += 1 } else { #expect(result.status == 0, "\(result.error)") }
            try check(round)
        }
        return killed
    }

    /// `cairn verify` on `home`: exit status and output.
    static func verify(_ home: CLIHome) throws -> CairnProcess.Result {
        try home.run(["verify"])
    }

    /// The archive opens, its audit chain is whole, and the index has no document the store lacks.
    static func expectConsistent(_ home: CLIHome, _ context: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let archive = try MailArchive.open(home: URL(fileURLWithPath: home.path))
        defer { try? archive.close() }
        let stored = try archive.store.read { reader -> Int in
            #expect(try reader.verifyAuditChain().isIntact, "\(context): audit chain", sourceLocation: sourceLocation)
            return try reader.messageCount()
        }
        #expect(try archive.store.checkDatabaseIntegrity().isEmpty, "\(context)", sourceLocation: sourceLocation)
        // The index may hold documents of messages a killed purge deleted, but only under a pending
        // deletion ticket that the next writer applies (the store is the truth, the index catches up).
        let pending = try archive.stats().pendingIndex
            + archive.store.read { try $0.pendingIndexRemovals(limit: 1_000_000).count }
        #expect(try archive.makeSearcher().documentCount() <= stored + pending, "\(context): index ahead of the store",
                sourceLocation: sourceLocation)
    }

    @Test("export killed at random moments: the archive untouched and verify clean; a later export is complete and matches its manifest")
    func killedExport() throws {
        let (home, corpus) = try Self.importedHome(count: 400, seed: 21)
        let out = home.root.appendingPathComponent("exports")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        let scratch = try Self.copy(home)
        let schedule = try KillSchedule.measure(
            fullRun: { try scratch.run(["export", "--mbox", out.path + "/full.mbox"]) },
            startup: { try scratch.run(["export", "nosuchwordanywhere", "--mbox", out.path + "/none.mbox"]) })
        let killed = try Self.killRepeatedly(home, { ["export", "--mbox", out.path + "/killed-\($0).mbox",
                                                      "--manifest", out.path + "/killed-\($0).json"] },
                                             schedule: schedule) { round in
            try Self.expectConsistent(home, "after killing export round \(round)")
        }
        #expect(killed >= 2, "the kills should land mid-export (\(schedule))")
        let final = try home.run(["export", "--mbox", out.path + "/final.mbox", "--manifest", out.path + "/final.json"])
        #expect(final.status == 0, "\(final.error)")
        let manifest = try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("final.json"))) as? [String: Any]
        #expect(manifest?["count"] as? Int == corpus.truth.messages.count)
        let listed = (manifest?["messages"] as? [[String: Any]])?.compactMap { $0["id"] as? String } ?? []
        #expect(Set(listed) == Set(corpus.truth.messages.map(\.id)))
        let verified = try Self.verify(home)
        #expect(verified.status == 0, "\(verified.text)\(verified.error)")
    }

    @Test("reindex killed at random moments: the next reindex completes, verify clean, search finds everything")
    func killedReindex() throws {
        let (home, corpus) = try Self.importedHome(count: 500, seed: 22)
        let scratch = try Self.copy(home)
        let empty = CLIHome()
        _ = try empty.run(["import", "eml", "-"], input: testMessage("only", body: "one message"))
        let schedule = try KillSchedule.measure(fullRun: { try scratch.run(["reindex"]) },
                                                startup: { try empty.run(["reindex"]) })
        let killed = try Self.killRepeatedly(home, { _ in ["reindex", "--progress", "never"] }, schedule: schedule) { round in
            try Self.expectConsistent(home, "after killing reindex round \(round)")
        }
        #expect(killed >= 2, "the kills should land mid-reindex (\(schedule))")
        let final = try home.run(["reindex"])
        #expect(final.status == 0, "\(final.error)")
        let verified = try Self.verify(home)
        #expect(verified.status == 0, "\(verified.text)\(verified.error)")
        let count = try home.run(["count"])
        #expect(count.text.trimmingCharacters(in: .whitespacesAndNewlines) == String(corpus.truth.messages.count))
    }

    @Test("purge --yes killed at random moments: never a message under hold, the next purge completes, verify clean")
    func killedPurge() throws {
        let (home, corpus) = try Self.importedHome(count: 600, seed: 23)
        let kept = try #require(corpus.truth.terms["zorvikant"]?.messages["free"])
        #expect(try home.run(["hold", "add", "case1", "zorvikant"]).status == 0)
        #expect(try home.run(["retention", "set", "--all", "--keep", "1d"]).status == 0)
        let plan = try home.run(["purge", "--dry-run", "--format", "json"])
        let planned = try JSONSerialization.jsonObject(with: Data(plan.output)) as? [String: Any]
        let candidates = (planned?["messages"] as? [Any])?.count ?? (planned?["count"] as? Int) ?? 0
        try #require(candidates > 100, "the corpus should be past retention: \(plan.text.prefix(500))")

        let scratch = try Self.copy(home)
        let idle = CLIHome()
        _ = try idle.run(["import", "eml", "-"], input: testMessage("only", body: "one message"))
        let schedule = try KillSchedule.measure(fullRun: { try scratch.run(["purge", "--yes"]) },
                                                startup: { try idle.run(["purge", "--yes"]) })
        // A purge deletes in few transactions, so each round starts again from the pristine archive:
        // every kill then lands somewhere in a whole purge.
        var random = SystemRandomNumberGenerator()
        var killed = 0
        for round in 0..<4 {
            let trial = try Self.copy(home)
            let process = try CairnProcess(["--home", trial.path, "purge", "--yes", "--progress", "never"])
            usleep(useconds_t(schedule.delay(using: &random) * 1_000_000))
            process.kill()
            let result = process.wait()
            if result.status == 128 + SIGKILL { killed += 1 } else { #expect(result.status == 0, "\(result.error)") }
            try Self.expectConsistent(trial, "after killing purge round \(round)")
            let held = try trial.run(["count", "hold:case1"])
            #expect(held.text.trimmingCharacters(in: .whitespacesAndNewlines) == String(kept.count), "round \(round)")
            let final = try trial.run(["purge", "--yes"])
            #expect(final.status == 0, "\(final.error)")
            let verified = try Self.verify(trial)
            #expect(verified.status == 0, "round \(round): \(verified.text)\(verified.error)")
            let again = try trial.run(["purge", "--dry-run", "--format", "json"])
            let left = try JSONSerialization.jsonObject(with: Data(again.output)) as? [String: Any]
            #expect(((left?["messages"] as? [Any])?.count ?? (left?["count"] as? Int) ?? -1) == 0, "\(again.text.prefix(300))")
            let remaining = try trial.run(["count"])
            #expect(remaining.text.trimmingCharacters(in: .whitespacesAndNewlines) == String(kept.count))
        }
        #expect(killed >= 2, "the kills should land mid-purge (\(schedule))")
    }
}
