import MailModel
@testable import MailQuery
import Testing

/// Now for every test: 2024-03-10 12:00:00 UTC (a Sunday).
let now = Timestamp(year: 2024, month: 3, day: 10, hour: 12)!

func parse(_ text: String, saved: [String: String] = [:]) throws(QueryError) -> QueryNode {
    try QueryParser(now: now).parse(text, savedQuery: { saved[$0] })
}

@Suite("QueryParser")
struct QueryParserTests {
    typealias Fixture = QueryFixture

    static let fixtures: [Fixture] = [
        // Everything.
        Fixture("", "*"), Fixture("   ", "*"), Fixture("*", "*"), Fixture("(*)", "*"), Fixture("budget *", "budget"),
        Fixture("* OR budget", "*"), Fixture("NOT *", "NOT *"),
        // Words, phrases, prefixes, implicit AND.
        Fixture("budget", "budget"), Fixture("budget report", "budget report"),
        Fixture("\"budget report\"", "\"budget report\""), Fixture("budg*", "budg*"),
        Fixture("e-mail", "e-mail"), Fixture("10:30", "10:30"), Fixture("résumé", "résumé"),
        Fixture("東京都", "東京都"), Fixture("\"say \\\"hi\\\"\"", "\"say \\\"hi\\\"\""),
        Fixture("and or not", "and or not"),
        // Precedence: NOT > AND > OR.
        Fixture("a OR b c", "a OR b c"), Fixture("a b OR c", "a b OR c"), Fixture("(a OR b) c", "(a OR b) c"),
        Fixture("a AND b OR c AND d", "a b OR c d"), Fixture("NOT a b", "NOT a b"), Fixture("NOT (a b)", "NOT (a b)"),
        Fixture("-a b", "NOT a b"), Fixture("a -b", "a NOT b"), Fixture("-(a OR b)", "NOT (a OR b)"),
        Fixture("NOT NOT a", "NOT NOT a"), Fixture("a OR (b OR c)", "a OR b OR c"), Fixture("((a))", "a"),
        Fixture("a (b c)", "a b c"), Fixture("-\"a b\"", "NOT \"a b\""),
        // Fields.
        Fixture("from:ann", "from:ann"), Fixture("FROM:ann", "from:ann"), Fixture("from:Ann@Example.ORG", "from:ann@example.org"),
        Fixture("from:<ann@example.org>", "from:ann@example.org"), Fixture("from:\"Ann Smith\"", "from:\"Ann Smith\""),
        Fixture("from:example.org", "from:example.org"), Fixture("from:ann*", "from:ann*"),
        Fixture("to:bob cc:carol bcc:dave recip:eve", "to:bob cc:carol bcc:dave recip:eve"),
        Fixture("subject:(budget OR report)", "subject:budget OR subject:report"),
        Fixture("subject:(a from:b)", "subject:a from:b"), Fixture("body:invoice", "body:invoice"),
        Fixture("subject:re:foo", "subject:re:foo"),
        Fixture("attachment:report", "attachment:report"), Fixture("filename:*.PDF", "attachment:*.PDF"),
        Fixture("attachment:\"annual report\"", "attachment:\"annual report\""),
        Fixture("mime:image/*", "mime:image/*"), Fixture("mime:IMAGE", "mime:image/*"),
        Fixture("mime:application/pdf", "mime:application/pdf"), Fixture("has:attachment", "has:attachment"),
        Fixture("has:ATTACHMENT", "has:attachment"),
        Fixture("id:abc@example.org", "id:<abc@example.org>"), Fixture("mid:<abc@example.org>", "id:<abc@example.org>"),
        Fixture("thread:9f2c41d07a1e", "thread:<9f2c41d07a1e>"),
        Fixture("folder:INBOX", "folder:INBOX"), Fixture("folder:\"Sent Items\"", "folder:\"Sent Items\""),
        Fixture("folder:Archive/*", "folder:Archive/*"), Fixture("folder:Work:Projects", "folder:Work:Projects"),
        Fixture("account:work", "account:work"), Fixture("flag:seen", "flag:seen"), Fixture("flag:\\Flagged", "flag:flagged"),
        Fixture("flag:$label1", "flag:$label1"), Fixture("flag:Junk", "flag:junk"),
        Fixture("list:dev.example.org", "list:<dev.example.org>"), Fixture("list:<dev.example.org>", "list:<dev.example.org>"),
        Fixture("hold:case-1", "hold:case-1"), Fixture("hold:\"case 1\"", "hold:\"case 1\""),
        Fixture("is:expunged", "is:expunged"),
        // Dates (now 2024-03-10): whole UTC days, both ends included.
        Fixture("date:2024", "date:2024-01-01..2024-12-31"), Fixture("date:2024-02", "date:2024-02-01..2024-02-29"),
        Fixture("date:2023-02", "date:2023-02-01..2023-02-28"), Fixture("date:2024-03-01", "date:2024-03-01"),
        Fixture("date:2024..2025-06", "date:2024-01-01..2025-06-30"), Fixture("date:2024-02..", "date:2024-02-01.."),
        Fixture("date:..2023", "date:..2023-12-31"), Fixture("date:today", "date:2024-03-10"),
        Fixture("date:yesterday", "date:2024-03-09"), Fixture("date:7d", "date:2024-03-03.."),
        Fixture("date:2w", "date:2024-02-25.."), Fixture("date:1m", "date:2024-02-10.."),
        Fixture("date:1y", "date:2023-03-10.."), Fixture("date:0d", "date:2024-03-10.."),
        Fixture("date:7d..yesterday", "date:2024-03-03..2024-03-09"), Fixture("date:..7d", "date:..2024-03-03"),
        Fixture("date:TODAY", "date:2024-03-10"),
        Fixture("before:2024", "date:..2023-12-31"), Fixture("before:2024-03-01", "date:..2024-02-29"),
        Fixture("after:2024-02", "date:2024-03-01.."), Fixture("after:yesterday", "date:2024-03-10.."),
        Fixture("before:7d", "date:..2024-03-02"),
        // Sizes: k = 1024, M = 1024 k.
        Fixture("size:>1M", "size:1048577.."), Fixture("size:>=1M", "size:1048576.."), Fixture("size:<10k", "size:..10239"),
        Fixture("size:<=10k", "size:..10240"), Fixture("size:10k..2M", "size:10240..2097152"), Fixture("size:1000", "size:1000"),
        Fixture("size:=1000", "size:1000"), Fixture("size:1.5k", "size:1536"), Fixture("size:2MB", "size:2097152"),
        Fixture("size:1KiB", "size:1024"), Fixture("size:1g", "size:1073741824"), Fixture("size:..5", "size:..5"),
        Fixture("size:5..", "size:5.."), Fixture("size:10b", "size:10"),
        // Combinations.
        Fixture("from:ann (subject:budget OR has:attachment) -flag:seen date:2024",
                "from:ann (subject:budget OR has:attachment) NOT flag:seen date:2024-01-01..2024-12-31"),
        Fixture("folder:(INBOX OR Sent)", "folder:INBOX OR folder:Sent"),
    ]

    @Test(arguments: fixtures)
    func canonicalForm(_ fixture: Fixture) throws {
        let node = try parse(fixture.query)
        #expect(node.canonicalText == fixture.expected)
    }

    @Test(arguments: fixtures)
    func canonicalFormParsesBackToTheSameTree(_ fixture: Fixture) throws {
        let node = try parse(fixture.query)
        let again = try parse(node.canonicalText)
        #expect(again.canonicalText == node.canonicalText)
        #expect(again.terms.map(\.value) == node.terms.map(\.value))
    }

    @Test func treeShape() throws {
        let node = try parse("a b OR NOT c")
        guard case .or(let children) = node, children.count == 2, case .and(let left) = children[0], left.count == 2,
              case .not(.term(let c)) = children[1] else {
            Issue.record("unexpected tree \(node)")
            return
        }
        #expect(c.value == .words("c"))
        #expect(c.field == nil)
    }

    @Test func termRangesPointAtTheText() throws {
        let text = "budget from:\"Ann Smith\" date:2024"
        let terms = try parse(text).terms
        let pieces = terms.map { term in String(Array(text)[term.range]) }
        #expect(pieces == ["budget", "from:\"Ann Smith\"", "date:2024"])
    }

    @Test func valuesAreInterpretedByField() throws {
        let terms = try parse("from:ann@example.org from:ann to:\"Bob J\" attachment:*.pdf folder:INBOX flag:seen size:>1k")
            .terms.map(\.value)
        #expect(terms == [
            .address("ann@example.org"), .words("ann"), .phrase("Bob J"), .glob(GlobPattern("*.pdf")),
            .glob(GlobPattern("INBOX")), .flag(.seen), .sizes(SizeRange(lower: 1025, upper: nil)),
        ])
    }

    @Test func datesAreWholeUTCDays() throws {
        guard case .dates(let range) = try parse("date:2024-02-29").terms.first?.value else {
            Issue.record("no date")
            return
        }
        #expect(range.lowerBound == Timestamp(year: 2024, month: 2, day: 29))
        #expect(range.upperBound == Timestamp(year: 2024, month: 2, day: 29, hour: 23, minute: 59, second: 59))
        #expect(range.contains(Timestamp(year: 2024, month: 2, day: 29, hour: 23, minute: 59, second: 59)!))
        #expect(!range.contains(Timestamp(year: 2024, month: 3, day: 1)!))
        #expect(!range.contains(Timestamp(year: 2024, month: 2, day: 28, hour: 23, minute: 59, second: 59)!))
    }

    @Test func savedSearchesExpandInPlace() throws {
        let saved = ["work": "account:work folder:INBOX", "todo": "query:work flag:flagged"]
        let node = try parse("query:todo budget", saved: saved)
        #expect(node.canonicalText == "query:todo budget")
        #expect(node.terms.map(\.canonicalText) == ["account:work", "folder:INBOX", "flag:flagged", "budget"])
        guard case .and(let children) = node, case .saved(let name, _) = children[0] else {
            Issue.record("unexpected tree \(node)")
            return
        }
        #expect(name == "todo")
    }
}
