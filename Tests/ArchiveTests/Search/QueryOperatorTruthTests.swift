import Archive
import Foundation
import MailQuery
import TestSupport
import Testing

/// Operators, phrases, prefixes, case, accents and scripts against the generator's planted terms:
/// each result set is computed from the truth's sets with set algebra, and must match exactly.
@Suite("Query operators and words against the corpus truth")
struct QueryOperatorTruthTests {
    private func check(_ query: String, _ expected: Set<Int>, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let found = try SearchTruthArchive.get().found(query)
        #expect(found == expected, "\(query): missing \(expected.subtracting(found).sorted()), extra \(found.subtracting(expected).sorted())",
                sourceLocation: sourceLocation)
    }

    /// The messages a free-text (or field) search for a planted term finds, by the truth.
    private func term(_ name: String, _ field: String = "free") throws -> Set<Int> {
        let truth = try SearchTruthArchive.get().corpus.truth
        let entry = try #require(truth.terms[name], "no planted term \(name)")
        return Set(entry.messages[field] ?? [])
    }

    @Test("AND (implicit and written), OR, NOT, -, parentheses and precedence (NOT > AND > OR)")
    func operators() throws {
        let all = try SearchTruthArchive.get().all
        let (x, z, q) = (try term("xylofrond"), try term("zorvikant"), try term("quorvel"))
        #expect(!x.isEmpty && !z.isEmpty && !q.isEmpty)
        try check("xylofrond OR zorvikant", x.union(z))
        try check("xylofrond -zorvikant", x.subtracting(z))
        try check("xylofrond AND NOT zorvikant", x.subtracting(z))
        try check("NOT xylofrond", all.subtracting(x))
        try check("-xylofrond -quorvel", all.subtracting(x).subtracting(q))
        try check("xylofrond OR zorvikant quorvel", x.union(z.intersection(q)))
        try check("(xylofrond OR zorvikant) quorvel", x.union(z).intersection(q))
        try check("xylofrond OR NOT quorvel", x.union(all.subtracting(q)))
        try check("NOT (xylofrond OR quorvel)", all.subtracting(x.union(q)))
        try check("quorvel AND zintaro", q.intersection(try term("zintaro")))
        try check("subject:(xylofrond OR zorvikant)", try term("xylofrond", "subject").union(try term("zorvikant", "subject")))
        try check("*", all)
        try check("", all)
    }

    @Test("a phrase finds the words side by side in that order, not the same words apart or reversed")
    func phrases() throws {
        let phrase = try term("quorvel zintaro")
        let apart = try term("quorvel").intersection(try term("zintaro"))
        #expect(!phrase.isEmpty)
        #expect(phrase.isSubset(of: apart))
        try check("\"quorvel zintaro\"", phrase)
        try check("quorvel zintaro", apart)
        try check("quorvel zintaro -\"quorvel zintaro\"", apart.subtracting(phrase))
        try check("body:\"quorvel zintaro\"", try term("quorvel zintaro", "body"))
        try check("subject:\"quorvel zintaro\"", try term("quorvel zintaro", "subject"))
        // The corpus rarely has the words apart: messages made for it have them apart, reversed,
        // across a line break, with punctuation between, and split between subject and body.
        let test = try TemporaryArchive()
        let bodies = ["the quorvel and the zintaro", "zintaro quorvel, reversed", "a quorvel\nzintaro across lines",
                      "quorvel, zintaro! with punctuation", "zintaro first, quorvel zintaro after"]
        var mail = bodies.enumerated().map { (TestMail.message(subject: "Note \($0.offset)", body: $0.element), "INBOX") }
        mail.append((TestMail.message(subject: "About quorvel", body: "zintaro starts the text"), "INBOX"))
        try test.ingest(mail)
        func subjects(_ query: String) throws -> Set<String> {
            let parsed = try SearchQuery.parse(query, now: SearchTruthArchive.now)
            return Set(try test.archive.makeSearcher().search(parsed).messages.compactMap(\.subject))
        }
        #expect(try subjects("quorvel zintaro") == ["Note 0", "Note 1", "Note 2", "Note 3", "Note 4", "About quorvel"])
        #expect(try subjects("\"quorvel zintaro\"") == ["Note 2", "Note 3", "Note 4"])
        #expect(try subjects("\"zintaro quorvel\"") == ["Note 1"])
        #expect(try subjects("body:\"quorvel zintaro\"") == ["Note 2", "Note 3", "Note 4"])
        #expect(try subjects("quorvel -\"quorvel zintaro\"") == ["Note 0", "Note 1", "About quorvel"])
    }

    @Test("case, accents, prefixes, and words in Cyrillic, Japanese, Korean and Chinese text")
    func wordsAndScripts() throws {
        let truth = try SearchTruthArchive.get().corpus.truth
        let folded = Set(truth.foldGroups["cremebrulerie"] ?? [])
        try check("XYLOFROND", try term("xylofrond"))
        try check("Xylofrond", try term("xylofrond"))
        try check("crèmebrûlerie", folded)
        try check("CRÈMEBRÛLERIE", folded)
        try check("cremebrulerie", folded)
        try check("bruckenwachterin", try term("brückenwächterin"))
        try check("BRÜCKENWÄCHTERIN", try term("brückenwächterin"))
        try check("xylofr*", try term("xylofrond"))
        try check("XYLOFR*", try term("xylofrond"))
        try check("zorvik* OR quinzab*", try term("zorvikant").union(try term("quinzabel")))
        try check("ЗЯБЛИКОВСТВО", try term("зябликовство"))
        try check("зяблик*", try term("зябликовство"))
        for word in ["紫陽花電車", "狐の嫁入り", "뚝배기빙수", "熊猫邮差"] {
            try check(word, try term(word))
            try check("\"\(word)\"", try term(word))
        }
    }

    @Test("names: from:, to:, cc: and recip: find a display name's word, free words too")
    func names() throws {
        let (from, to, cc) = (try term("vexbridge", "from"), try term("vexbridge", "to"), try term("vexbridge", "cc"))
        #expect(!from.isEmpty && !to.union(cc).isEmpty)
        try check("from:vexbridge", from)
        try check("to:vexbridge", to)
        try check("cc:vexbridge", cc)
        try check("recip:vexbridge", to.union(cc))
        try check("vexbridge", try term("vexbridge"))
        try check("from:vexbridge OR recip:vexbridge", from.union(to).union(cc))
        try check("body:vexbridge", [])
    }

    @Test("text only in attachments, only in HTML, and hidden HTML (decoys) that must not match")
    func attachmentsAndHTML() throws {
        let truth = try SearchTruthArchive.get().corpus.truth
        let plum = try term("plumquartz")
        #expect(!plum.isEmpty)
        try check("plumquartz", plum)
        try check("body:plumquartz", try term("plumquartz", "body"))
        try check("subject:plumquartz", [])
        let glimmer = try term("glimmerfax")
        try check("glimmerfax", glimmer)
        let decoys = Set(truth.terms["glimmerfax"]?.decoys ?? [])
        #expect(!decoys.isEmpty, "the corpus must have hidden decoys")
        #expect(try SearchTruthArchive.get().found("glimmerfax").isDisjoint(with: decoys.subtracting(glimmer)))
        #expect(!(try term("nimbraxel", "filename")).isEmpty)
        try check("attachment:nimbraxel", try term("nimbraxel", "filename"))
        try check("nimbraxel", try term("nimbraxel"))
    }
}
