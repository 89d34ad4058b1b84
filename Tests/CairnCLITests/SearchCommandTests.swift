import Foundation
import TestSupport
import Testing

@Suite("cairn search and count")
struct SearchCommandTests {
    private func jsonLines(_ text: String) throws -> [[String: Any]] {
        try text.split(separator: "\n").map {
            try #require(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
    }

    @Test("ids, jsonl and json list every match; text shows a table with snippets")
    func formats() throws {
        let shared = try SharedCLIArchive.get()
        let term = "xylofrond"
        let expected = Set((shared.corpus.truth.terms[term]?.messages["free"] ?? []).map { shared.corpus.truth.messages[$0].id })
        let ids = try shared.run(["search", term, "--format", "ids"])
        #expect(ids.status == 0)
        #expect(Set(ids.text.split(separator: "\n").map(String.init)) == expected)
        let lines = try jsonLines(try shared.run(["search", term, "--format", "jsonl"]).text)
        #expect(Set(lines.compactMap { $0["id"] as? String }) == expected)
        for line in lines {
            #expect(line["source"] as? String == "local")
            for key in ["message_id", "thread_id", "date", "from", "to", "cc", "subject", "size", "folders", "flags",
                        "attachments", "snippet"] {
                #expect(line[key] != nil, "missing \(key)")
            }
        }
        let array = try #require(JSONSerialization.jsonObject(with: Data(try shared.run(["search", term, "--format", "json"]).output))
                                 as? [[String: Any]])
        #expect(array.count == expected.count)
        let text = try shared.run(["search", term])
        #expect(text.status == 0)
        let rows = text.text.split(separator: "\n").filter { !$0.hasPrefix(" ") }
        #expect(rows.count == expected.count)
        #expect(text.text.lowercased().contains("[\(term)]"), "snippets mark the matched word")
    }

    @Test("--limit, --offset and --sort page through results in date order")
    func paging() throws {
        let shared = try SharedCLIArchive.get()
        let newest = try jsonLines(try shared.run(["search", "--format", "jsonl", "--limit", "20"]).text)
        let oldest = try jsonLines(try shared.run(["search", "--sort", "oldest", "--format", "jsonl", "--limit", "20"]).text)
        let dates = newest.compactMap { $0["date"] as? String }
        #expect(newest.count == 20)
        #expect(dates == dates.sorted(by: >))
        #expect(oldest.compactMap { $0["date"] as? String } == oldest.compactMap { $0["date"] as? String }.sorted())
        let all = try shared.run(["search", "--format", "ids"]).text.split(separator: "\n")
        let page = try shared.run(["search", "--format", "ids", "--offset", "10", "--limit", "5"]).text.split(separator: "\n")
        #expect(Array(all[10..<15]) == page)
        #expect(all.count == shared.corpus.truth.messages.count)
        let text = try shared.run(["search"])
        #expect(text.text.split(separator: "\n").count == 50, "text shows 50 results by default")
    }

    @Test("a bad query is exit 2 with a caret under the problem", arguments: [
        ("frm:ann", "^^^"), ("date:2024-13", "^"), ("(budget", "^"), ("\"unclosed", "^"),
    ])
    func badQuery(query: String, marker: String) throws {
        let shared = try SharedCLIArchive.get()
        let result = try shared.run(["search", query])
        #expect(result.status == 2)
        #expect(result.error.contains("bad query"))
        #expect(result.error.contains(query))
        #expect(result.error.contains(marker))
        #expect(try shared.run(["count", query]).status == 2)
    }

    @Test("count prints the number of matches; --explain shows the index and IMAP forms")
    func countAndExplain() throws {
        let shared = try SharedCLIArchive.get()
        let truth = shared.corpus.truth
        for term in ["zorvikant", "трясогузка", "狐の嫁入り"] {
            let expected = truth.terms[term]?.messages["free"]?.count ?? 0
            #expect(try shared.run(["count", term]).text == "\(expected)\n", "\(term)")
        }
        let explained = try shared.run(["search", "--explain", "from:ann", "budget"])
        #expect(explained.status == 0)
        #expect(explained.text.contains("xapian:"))
        #expect(explained.text.contains("imap:"))
        #expect(try shared.run(["search", "--format", "ids", "--", "-budget"]).status == 0)
        #expect(try shared.run(["search", "-budget", "--format", "ids"]).status == 0)
    }

    @Test("negated words need no --: -zorvikant (v, as in -v) and -quiet (q) are query words; -q, -v stay options")
    func negatedWordsWithoutSeparator() throws {
        let shared = try SharedCLIArchive.get()
        let truth = shared.corpus.truth
        let all = try #require(Int(try shared.run(["count"]).text.trimmingCharacters(in: .whitespacesAndNewlines)))
        let planted = truth.terms["zorvikant"]?.messages["free"]?.count ?? 0
        #expect(planted > 0)
        #expect(try shared.run(["count", "-zorvikant"]).text == "\(all - planted)\n")
        #expect(try shared.run(["count", "*", "-zorvikant", "-q"]).text == "\(all - planted)\n")
        #expect(try shared.run(["-v", "count", "NOT", "zorvikant"]).text == "\(all - planted)\n")
        let ids = try shared.run(["search", "--format", "ids", "zorvikant", "-quietly-absent-word"])
        #expect(ids.status == 0, "\(ids.error)")
        #expect(ids.text.split(separator: "\n").count == planted)
        // The value of a long option is not taken for a query word: --limit -1 stays a usage error.
        for arguments in [["--limit", "-1"], ["--limit=-1"]] {
            let limit = try shared.run(["search"] + arguments + ["zorvikant"])
            #expect(limit.status == 2, "\(arguments)")
            #expect(limit.error.contains("--limit"), "\(arguments)")
        }
    }

    @Test("JSON outputs match their schemas in Schemas/json: results, threads, show, stats, saved searches")
    func schemas() throws {
        guard JSONSchemaCheck.isAvailable else {
            print("skipped: python3 with jsonschema and referencing is not installed")
            return
        }
        let shared = try SharedCLIArchive.get()
        let id = try #require(try jsonLines(try shared.run(["search", "--format", "jsonl", "--limit", "1"]).text).first?["id"] as? String)
        // Saved searches in an archive of its own: the shared one stays read-only.
        let home = CLIHome()
        let message = try home.file("mail/1.eml", testMessage("Budget", body: "numbers", from: "Ann <ann@example.org>"))
        #expect(try home.run(["import", "eml", "--progress", "never", message]).status == 0)
        #expect(try home.run(["query", "save", "budget", "subject:budget"]).status == 0)
        #expect(try home.run(["query", "save", "ann-budget", "query:budget", "from:ann"]).status == 0)
        let outputs: [(schema: String, shape: JSONSchemaCheck.Shape, output: [UInt8])] = [
            ("search-result", .array, try shared.run(["search", "xylofrond", "--format", "json"]).output),
            ("search-result", .lines, try shared.run(["search", "--format", "jsonl", "--limit", "40"]).output),
            ("search-thread", .array, try shared.run(["search", "--threads", "--format", "json", "date:2016..2020"]).output),
            ("search-thread", .lines, try shared.run(["search", "--threads", "--format", "jsonl", "--sort", "oldest", "meeting"]).output),
            ("show", .value, try shared.run(["show", id, "--format", "json"]).output),
            ("stats", .value, try shared.run(["stats", "--format", "json"]).output),
            ("saved-search-list", .value, try home.run(["query", "list", "--format", "json"]).output),
        ]
        let folder = shared.home.root.appendingPathComponent("schemas-\(UUID().uuidString)")
        let failures = try JSONSchemaCheck.failures(outputs, in: folder)
        #expect(failures == nil, "\(failures ?? "")")
    }
}
