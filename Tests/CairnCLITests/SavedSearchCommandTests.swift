import Foundation
import TestSupport
import Testing

@Suite("saved searches: cairn search --save, cairn query, query:NAME")
struct SavedSearchCommandTests {
    /// A home with four small messages.
    private func home() throws -> CLIHome {
        let home = CLIHome()
        var paths: [String] = []
        for (index, (subject, body, from)) in [("Budget Q1", "numbers for the budget", "Ann <ann@example.org>"),
                                                ("Budget Q2", "more budget numbers", "Bob <bob@example.org>"),
                                                ("Lunch", "pizza on friday", "Ann <ann@example.org>"),
                                                ("Travel", "train tickets", "Carol <carol@example.org>")].enumerated() {
            paths.append(try home.file("mail/\(index).eml", testMessage(subject, body: body, from: from)))
        }
        let imported = try home.run(["import", "eml", "--progress", "never"] + paths)
        #expect(imported.status == 0, "\(imported.error)")
        return home
    }

    private func subjects(_ home: CLIHome, _ query: [String]) throws -> [String] {
        let result = try home.run(["search", "--format", "jsonl", "--sort", "oldest"] + query)
        #expect(result.status == 0, "\(result.error)")
        return result.text.split(separator: "\n").compactMap {
            (try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])?["subject"] as? String
        }
    }

    @Test("--save stores a query that query:NAME then stands for, also inside other queries and saved searches")
    func saveAndUse() throws {
        let home = try home()
        let saved = try home.run(["search", "--save", "budget", "subject:budget"])
        #expect(saved.status == 0, "\(saved.error)")
        #expect(saved.text.contains("saved query:budget = subject:budget  (2 messages match now)"))
        #expect(try subjects(home, ["query:budget"]) == ["Budget Q1", "Budget Q2"])
        #expect(try subjects(home, ["query:budget", "from:ann"]) == ["Budget Q1"])
        #expect(try subjects(home, ["query:budget", "OR", "lunch"]) == ["Budget Q1", "Budget Q2", "Lunch"])
        #expect(try subjects(home, ["-query:budget"]) == ["Lunch", "Travel"])
        let nested = try home.run(["query", "save", "ann-budget", "query:budget", "from:ann"])
        #expect(nested.status == 0, "\(nested.error)")
        #expect(try subjects(home, ["query:ann-budget"]) == ["Budget Q1"])
        #expect(try home.run(["count", "query:ann-budget"]).text == "1\n")
        // Replacing a saved search changes every query that uses it.
        #expect(try home.run(["query", "save", "budget", "subject:lunch OR subject:budget"]).status == 0)
        #expect(try subjects(home, ["query:ann-budget"]) == ["Budget Q1", "Lunch"])
        let explained = try home.run(["search", "--explain", "query:ann-budget"])
        #expect(explained.text.contains("saved search \"ann-budget\":"))
        #expect(explained.text.contains("saved search \"budget\":"))
    }

    @Test("query list shows them; query delete removes one; unknown names and loops are exit 2")
    func listDeleteAndErrors() throws {
        let home = try home()
        #expect(try home.run(["query", "save", "a", "from:ann"]).status == 0)
        #expect(try home.run(["query", "save", "b", "query:a", "budget"]).status == 0)
        let list = try home.run(["query", "list"])
        #expect(list.text == "a  from:ann\nb  query:a budget\n")
        let json = try home.run(["query", "list", "--format", "json"])
        let array = try #require(try JSONSerialization.jsonObject(with: Data(json.output)) as? [[String: Any]])
        #expect(array.compactMap { $0["name"] as? String } == ["a", "b"])
        let loop = try home.run(["query", "save", "a", "query:b"])
        #expect(loop.status == 2)
        #expect(loop.error.contains("loop"))
        let badName = try home.run(["query", "save", "no spaces?", "x"])
        #expect(badName.status == 2)
        let badQuery = try home.run(["search", "--save", "c", "frm:ann"])
        #expect(badQuery.status == 2)
        #expect(badQuery.error.contains("did you mean"))
        let deleted = try home.run(["query", "delete", "a"])
        #expect(deleted.status == 0)
        #expect(deleted.error.contains("b"), "warns that b uses it")
        let unknown = try home.run(["search", "query:a"])
        #expect(unknown.status == 2)
        #expect(unknown.error.contains("no saved search is named \"a\""))
        #expect(try home.run(["query", "delete", "a"]).status == 2)
        #expect(try home.run(["query", "list"]).text == "b  query:a budget\n")
    }
}
