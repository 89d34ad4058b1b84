import Foundation
import TestSupport
import Testing

@Suite("cairn search --threads")
struct SearchThreadsCommandTests {
    private func jsonLines(_ text: String) throws -> [[String: Any]] {
        try text.split(separator: "\n").map {
            try #require(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
    }

    @Test("one object per thread: its matches and messages agree with thread: searches, newest match first")
    func json() throws {
        let shared = try SharedCLIArchive.get()
        let query = "date:2016..2020"
        let threads = try jsonLines(try shared.run(["search", "--threads", "--format", "jsonl", query]).text)
        #expect(threads.count > 10)
        let matches = try shared.run(["search", "--format", "ids", query]).text.split(separator: "\n")
        #expect(threads.reduce(0) { $0 + ($1["matched"] as? Int ?? 0) } == matches.count, "every match in one thread")
        let ids = threads.compactMap { $0["thread_id"] as? String }
        #expect(Set(ids).count == threads.count, "each thread once")
        let dates = threads.compactMap { $0["date"] as? String }
        #expect(dates == dates.sorted(by: >), "threads newest first")
        for thread in threads.prefix(8) {
            let id = try #require(thread["thread_id"] as? String)
            let inThread = try shared.run(["search", "--format", "ids", "thread:\(id)", query]).text.split(separator: "\n")
            #expect(thread["matched"] as? Int == inThread.count)
            #expect(try shared.run(["count", "thread:\(id)"]).text == "\(thread["messages"] as? Int ?? -1)\n")
            let newest = try #require(thread["newest"] as? [String: Any])
            #expect(newest["id"] as? String == inThread.first.map(String.init))
            #expect(newest["thread_id"] as? String == id)
            #expect(thread["subject"] as? String == newest["subject"] as? String)
        }
    }

    @Test("text shows [matched/messages] per thread; ids lists thread ids; --sort oldest keeps the newest match")
    func textAndIDs() throws {
        let shared = try SharedCLIArchive.get()
        let text = try shared.run(["search", "--threads", "--limit", "5", "date:2016..2020"])
        #expect(text.status == 0)
        let rows = text.text.split(separator: "\n").filter { !$0.hasPrefix(" ") }
        #expect(rows.count == 5)
        #expect(rows.allSatisfy { $0.range(of: #"\[\d+/\d+\]"#, options: .regularExpression) != nil && $0.contains("thread:") })
        #expect(text.error.contains("of") && text.error.contains("threads shown"))
        let ids = try shared.run(["search", "--threads", "--format", "ids", "date:2016..2020"]).text.split(separator: "\n")
        let json = try jsonLines(try shared.run(["search", "--threads", "--format", "jsonl", "date:2016..2020"]).text)
        #expect(ids.map(String.init) == json.compactMap { $0["thread_id"] as? String })
        let oldest = try jsonLines(try shared.run(["search", "--threads", "--sort", "oldest", "--format", "jsonl",
                                                   "date:2016..2020"]).text)
        #expect(Set(oldest.compactMap { $0["thread_id"] as? String }) == Set(ids.map(String.init)))
        for thread in oldest.prefix(5) {
            let newest = try #require(thread["newest"] as? [String: Any])
            let id = try #require(thread["thread_id"] as? String)
            let first = try shared.run(["search", "--format", "ids", "--limit", "1", "thread:\(id)", "date:2016..2020"])
            #expect(newest["id"] as? String == first.text.trimmingCharacters(in: .newlines))
        }
        let remote = try shared.run(["search", "--threads", "--where", "remote", "x"])
        #expect(remote.status == 2)
    }
}
