import Foundation
import TestSupport
import Testing

@Suite("cairn index: shards, split, attach, detach")
struct IndexCommandTests {
    /// Queries whose answers must not depend on where the shards are.
    private static let queries = ["*", "xylofrond", "meeting", "budget OR report", "date:2019..2021",
                                  "has:attachment", "folder:INBOX", "\"quorvel zintaro\""]

    private struct Shard: Decodable {
        var name: String
        var location: String
        var at: String
        var documents: Int?
    }

    private struct Listing: Decodable {
        var routing: String
        var shards: [Shard]
    }

    private func listing(_ home: CLIHome) throws -> Listing {
        let result = try home.run(["index", "shards", "--format", "json"])
        #expect(result.status == 0, "\(result.error)")
        return try JSONDecoder().decode(Listing.self, from: Data(result.output))
    }

    /// Every query's `search --format ids` output (in date order) and `count`.
    private func answers(_ home: CLIHome) throws -> [String: (ids: [String], count: String)] {
        var out: [String: (ids: [String], count: String)] = [:]
        for query in IndexCommandTests.queries {
            let ids = try home.run(["search", query, "--format", "ids"])
            let count = try home.run(["count", query])
            #expect(ids.status == 0 && count.status == 0, "\(query): \(ids.error) \(count.error)")
            out[query] = (ids.text.split(separator: "\n").map(String.init), count.text)
        }
        return out
    }

    @Test("split by year, then by account: the same answers from every layout")
    func splitKeepsAnswers() throws {
        let corpus = try GeneratedCorpus.make(count: 120, seed: 11, folders: 3)
        let home = CLIHome()
        #expect(try home.run(["import", "maildir", corpus.directory.path, "--progress", "never"]).status == 0)
        #expect(try listing(home).routing == "single")
        let single = try answers(home)
        #expect(single["*"]?.ids.count == corpus.truth.messages.count)

        for layout in ["year", "account"] {
            let split = try home.run(["index", "split", layout, "--progress", "never"])
            #expect(split.status == 0, "\(split.error)")
            let shards = try listing(home)
            #expect(shards.routing == layout)
            #expect(shards.shards.allSatisfy { $0.name.hasPrefix(layout + "-") && $0.location == "local" })
            #expect(shards.shards.compactMap(\.documents).reduce(0, +) == corpus.truth.messages.count)
            if layout == "year" { #expect(shards.shards.count > 3, "ten years of mail make several shards") }
            let now = try answers(home)
            for query in IndexCommandTests.queries {
                #expect(now[query]?.ids == single[query]?.ids, "\(layout): \(query)")
                #expect(now[query]?.count == single[query]?.count, "\(layout): \(query)")
            }
        }
        #expect(try home.run(["index", "split", "year", "--stripes", "3"]).status == 2)
        #expect(try home.run(["verify", "--quick"]).status == 0)
    }

    @Test("a shard served by xapian-tcpsrv on 127.0.0.1 answers like the local one; new mail and detach",
          .enabled(if: XapianServer.isAvailable, "xapian-tcpsrv (Debian's xapian-tools) is not installed"),
          .timeLimit(.minutes(3)))
    func remoteShard() throws {
        let corpus = try GeneratedCorpus.make(count: 120, seed: 12, folders: 2)
        let home = CLIHome()
        #expect(try home.run(["import", "maildir", corpus.directory.path, "--progress", "never"]).status == 0)
        #expect(try home.run(["index", "split", "year", "--progress", "never"]).status == 0)
        let local = try answers(home)
        let before = try listing(home)
        let biggest = try #require(before.shards.max { ($0.documents ?? 0) < ($1.documents ?? 0) })
        let served = try #require(biggest.documents)
        #expect(served > 0)

        // The shard's folder moves away (as to another machine) and is served from there.
        let moved = home.root.appendingPathComponent("other-machine/\(biggest.name)").path
        try FileManager.default.createDirectory(atPath: home.root.appendingPathComponent("other-machine").path,
                                                withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: biggest.at, toPath: moved)
        var server: XapianServer? = try XapianServer(database: moved)
        let port = try #require(server?.port)
        let attach = try home.run(["index", "attach", biggest.name, "127.0.0.1:\(port)"])
        #expect(attach.status == 0, "\(attach.error)")
        #expect(attach.text.contains("\(served) documents"))
        try FileManager.default.removeItem(atPath: biggest.at)

        let after = try listing(home)
        let remote = try #require(after.shards.first { $0.name == biggest.name })
        #expect(remote.location == "remote" && remote.at == "127.0.0.1:\(port)" && remote.documents == served)
        let viaNetwork = try answers(home)
        for query in IndexCommandTests.queries {
            #expect(viaNetwork[query]?.ids == local[query]?.ids, "\(query)")
            #expect(viaNetwork[query]?.count == local[query]?.count, "\(query)")
        }
        let json = try home.run(["search", "xylofrond", "--format", "json"])
        #expect(json.status == 0)
        let results = try #require(JSONSerialization.jsonObject(with: Data(json.output)) as? [[String: Any]])
        #expect(results.count == local["xylofrond"]?.ids.count)
        #expect(results.allSatisfy { ($0["subject"] as? String) != nil || $0["subject"] is NSNull })

        // A writer with a remote shard: nothing is indexed twice, new mail lands in a local shard.
        let message = testMessage("Remote shard check", body: "the word quintessor appears here once",
                                  date: "Tue, 05 Mar 2019 10:00:00 +0000")
        let imported = try home.run(["import", "eml", try home.file("new.eml", message), "--progress", "never"])
        #expect(imported.status == 0, "\(imported.error)")
        #expect(try home.run(["count", "*"]).text == "\(corpus.truth.messages.count + 1)\n")
        #expect(try home.run(["count", "quintessor"]).text == "1\n")
        #expect(try listing(home).shards.contains { $0.name == biggest.name && $0.location == "remote" })
        let withNew = try answers(home)

        // A shard that is not a copy of the served one is refused, so is an address nobody serves;
        // a server that is gone makes searches fail loudly, not quietly.
        if let other = before.shards.first(where: { $0.documents != served }) {
            let wrong = try home.run(["index", "attach", other.name, "127.0.0.1:\(port)"])
            #expect(wrong.status == 1)
            #expect(wrong.error.contains("documents"), "\(wrong.error)")
        }
        #expect(try home.run(["index", "attach", "year-1999", "127.0.0.1:1"]).status != 0)
        server = nil
        #expect(try home.run(["count", "*"]).status != 0, "a missing shard is an error, not fewer results")

        // Detach: the shard's messages are indexed locally again; the answers are the same.
        let detach = try home.run(["index", "detach", biggest.name, "--progress", "never"])
        #expect(detach.status == 0, "\(detach.error)")
        #expect(detach.text.contains("\(served) messages indexed locally"))
        #expect(try listing(home).shards.allSatisfy { $0.location == "local" })
        let back = try answers(home)
        for query in IndexCommandTests.queries {
            #expect(back[query]?.ids == withNew[query]?.ids, "\(query)")
            #expect(back[query]?.count == withNew[query]?.count, "\(query)")
        }
        #expect(try home.run(["verify", "--quick"]).status == 0)
    }
}
