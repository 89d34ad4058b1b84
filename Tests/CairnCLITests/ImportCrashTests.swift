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
    func killAndResume() async throws {
        let corpus = try GeneratedCorpus.make(count: 300, seed: 11, folders: 3)
        let truth = corpus.truth
        let home = CLIHome()
        let seed = UInt64(ProcessInfo.processInfo.environment["CAIRN_CRASH_SEED"].flatMap(UInt64.init) ?? 20_261_128)
        var random = SeededRandom(seed: seed)
        let arguments = ["--home", home.path, "import", "maildir", corpus.directory.path, "--progress", "never",
                         "--batch-messages", "16"]
        // Each kill follows a real event, a random number of messages committed, so that it lands
        // mid-import on a fast machine and a slow one alike.
        let total = truth.messages.count
        var killed = 0
        var killedPartway = 0
        var stored = 0
        for round in 0..<8 where killed < 4 && stored < total {
            let process = try CairnProcess(arguments)
            let target = ArchiveProgress.target(stored: stored, total: total, using: &random)
            let reached = try await ArchiveProgress.waitForMessages(target, in: home.path) { process.isRunning }
            if reached { usleep(useconds_t.random(in: 0...20_000, using: &random)) }
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
                stored = try await archive.store.read { try $0.messageCount() }
                #expect(stored <= total)
                #expect(try archive.makeSearcher().documentCount() <= stored, "round \(round) (seed \(seed))")
                try archive.close()
                if result.status != 0, stored > before, stored < total { killedPartway += 1 }
            }
        }
        #expect(killed >= 2, "the kills should land mid-import (seed \(seed))")
        #expect(killedPartway >= 2, "kills should land after some messages were committed (seed \(seed))")

        let final = try CairnProcess.run(arguments)
        #expect(final.status == 0, "\(final.error)")
        let archive = try MailArchive.open(home: URL(fileURLWithPath: home.path))
        defer { try? archive.close() }
        let storedIDs = try await archive.store.read { reader -> [String] in
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
