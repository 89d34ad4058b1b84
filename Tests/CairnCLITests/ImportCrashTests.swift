import Archive
import Foundation
import MailModel
import MailQuery
import MailStore
import TestSupport
import Testing

/// `cairn import` killed with SIGKILL at random moments, then run again: nothing lost, nothing
/// twice, and an index that matches the store.
@Suite("Killing an import")
struct ImportCrashTests {
    @Test("killed at several random moments and run again, the archive is complete, without duplicates")
    func killAndResume() throws {
        let corpus = try GeneratedCorpus.make(count: 300, seed: 11, folders: 3)
        let truth = corpus.truth
        let home = CLIHome()
        let seed = UInt64(ProcessInfo.processInfo.environment["CAIRN_CRASH_SEED"].flatMap(UInt64.init) ?? 20_261_128)
        var random = SeededRandom(seed: seed)
        let arguments = ["--home", home.path, "import", "maildir", corpus.directory.path, "--progress", "never"]
        // Kill moments scale with how long an import takes on this machine, so that they land
        // mid-import on a fast machine and a slow one alike.
        let schedule = try KillSchedule.measure(
            fullRun: { let scratch = CLIHome(); try scratch.run(Array(arguments.dropFirst(2))) },
            startup: {
                let scratch = CLIHome()
                let empty = scratch.root.appendingPathComponent("empty")
                for sub in ["cur", "new", "tmp"] {
                    try FileManager.default.createDirectory(at: empty.appendingPathComponent(sub), withIntermediateDirectories: true)
                }
                try scratch.run(["import", "maildir", empty.path, "--progress", "never"])
            })
        var killed = 0
        var killedPartway = 0
        var stored = 0
        for round in 0..<8 where killed < 4 {
            let process = try CairnProcess(arguments)
            let delay = schedule.delay(remaining: 1 - Double(stored) / Double(truth.messages.count), using: &random)
            usleep(useconds_t(delay * 1_000_000))
            process.kill()
            let result = process.wait()
            if result.status == 128 + SIGKILL {
                killed += 1
            } else {
                #expect(result.status == 0, "round \(round) (seed \(seed)): \(result.error)")
            }
            // Whatever was committed is whole: the archive opens, the index holds no message the
            // store lacks.
            if FileManager.default.fileExists(atPath: home.path + "/cairn.sqlite") {
                let archive = try MailArchive.open(home: URL(fileURLWithPath: home.path))
                let before = stored
                stored = try archive.store.read { try $0.messageCount() }
                #expect(stored <= truth.messages.count)
                #expect(try archive.makeSearcher().documentCount() <= stored, "round \(round) (seed \(seed))")
                try archive.close()
                if result.status != 0, stored > before, stored < truth.messages.count { killedPartway += 1 }
            }
            if result.status == 0 { break }
        }
        #expect(killedPartway >= 1, "a kill should land after some messages were committed (seed \(seed), \(schedule))")
        #expect(killed >= 2, "the kills should land mid-import (seed \(seed), \(schedule))")

        let final = try CairnProcess.run(arguments)
        #expect(final.status == 0, "\(final.error)")
        let archive = try MailArchive.open(home: URL(fileURLWithPath: home.path))
        defer { try? archive.close() }
        let storedIDs = try archive.store.read { reader -> [String] in
            try reader.messageKeys(limit: 100_000).map { try reader.messageID(of: $0).hex }
        }
        #expect(storedIDs.count == truth.messages.count)
        #expect(Set(storedIDs) == Set(truth.messages.map(\.id)))
        let stats = try archive.stats()
        let places = Set(truth.messages.flatMap { message in message.copies.map { "\(message.id) \($0.folder)" } })
        #expect(stats.sightings == places.count)
        #expect(stats.pendingIndex == 0)
        let searcher = try archive.makeSearcher()
        #expect(try searcher.documentCount() == truth.messages.count)
        let everything = try searcher.search(.all)
        #expect(Set(everything.messages.map(\.id.hex)) == Set(truth.messages.map(\.id)))
        for message in truth.messages.prefix(50) {
            let key = try archive.resolve(message.id).key
            var hasher = SHA256()
            try archive.withRawBytes(of: key) { hasher.update($0) }
            #expect(hasher.finalize().hex == message.sha256)
        }
        let term = try #require(truth.terms["zorvikant"]?.messages["free"])
        let query = try SearchQuery.parse("zorvikant", now: .init(rawValue: 0))
        #expect(Set(try searcher.search(query).messages.map(\.id.hex)) == Set(term.map { truth.messages[$0].id }))
    }
}
