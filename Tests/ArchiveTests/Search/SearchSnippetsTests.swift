@testable import Archive
import MailModel
import MailQuery
import Testing

@Suite("Snippets")
struct SearchSnippetsTests {
    private func words(_ query: String) throws -> [String] {
        SearchSnippets.words(of: try SearchQuery.parse(query, now: Timestamp(rawValue: 0)).root)
    }

    @Test("the words of positive text conditions choose the window; fields and negations do not")
    func queryWords() throws {
        #expect(try words("budget \"red car\" subject:plan from:ann -secret date:2024 résu*") == ["budget", "red car", "plan", "résu"])
        #expect(try words("*").isEmpty)
    }

    @Test("a long text is cut around the first place a query word appears, ignoring case and accents")
    func window() throws {
        let test = try TemporaryArchive()
        let body = String(repeating: "filler words here. ", count: 600) + "the Crème brûlée recipe" + String(repeating: " tail", count: 500)
        try test.ingest([(TestMail.message(subject: "long", body: body), "INBOX")])
        let searcher = try test.archive.makeSearcher()
        let query = try SearchQuery.parse("creme", now: Timestamp(rawValue: 0))
        let snippets = try #require(try searcher.snippets(for: query))
        let window = snippets.window(of: body)
        #expect(window.count <= SearchSnippets.window)
        #expect(window.contains("Crème brûlée"))
        let key = try #require(try searcher.search(query).messages.first?.key)
        #expect(searcher.snippet(of: key, with: snippets).contains("[Crème]"))
    }

    @Test("a match outside the text (subject, sender) shows the text's beginning, cut at a word with ...")
    func matchOutsideTheText() throws {
        let test = try TemporaryArchive()
        let long = "Dear team, " + String(repeating: "please find the figures attached below. ", count: 20)
        try test.ingest([(TestMail.message(subject: "Zorvikant plan", body: "See you   at\nnoon."), "INBOX"),
                         (TestMail.message(subject: "Zorvikant figures", body: long), "INBOX")])
        let searcher = try test.archive.makeSearcher()
        let query = try SearchQuery.parse("subject:zorvikant", now: Timestamp(rawValue: 0))
        let snippets = try #require(try searcher.snippets(for: query))
        var bySubject: [String: String] = [:]
        for message in try searcher.search(query).messages {
            bySubject[message.subject ?? ""] = searcher.snippet(of: message.key, with: snippets, length: 60)
        }
        #expect(bySubject["Zorvikant plan"] == "See you at noon.")
        let cut = try #require(bySubject["Zorvikant figures"])
        #expect(cut.hasPrefix("Dear team, please find the figures"))
        #expect(cut.hasSuffix("...") && cut.count <= 60)
        #expect(!cut.contains("["))
        #expect(ArchiveSearcher.beginning(of: String(repeating: "x", count: 100), length: 10) == "xxxxxxx...")
    }
}
