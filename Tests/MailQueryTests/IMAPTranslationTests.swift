@testable import MailQuery
import Testing

@Suite("IMAP SEARCH translation")
struct IMAPTranslationTests {
    typealias Fixture = QueryFixture

    static let fixtures: [Fixture] = [
        Fixture("*", "ALL"),
        Fixture("budget", "TEXT \"budget\""),
        Fixture("budget report", "TEXT \"budget\" TEXT \"report\""),
        Fixture("\"budget report\"", "TEXT \"budget report\""),
        Fixture("from:ann", "FROM \"ann\""),
        Fixture("from:Ann@Example.org", "FROM \"ann@example.org\""),
        Fixture("to:bob cc:carol bcc:dave", "TO \"bob\" CC \"carol\" BCC \"dave\""),
        Fixture("recip:eve", "OR TO \"eve\" OR CC \"eve\" BCC \"eve\""),
        Fixture("subject:\"q1 report\" body:invoice", "SUBJECT \"q1 report\" BODY \"invoice\""),
        Fixture("id:abc@example.org", "HEADER Message-ID \"<abc@example.org>\""),
        Fixture("list:dev.example.org", "HEADER List-Id \"dev.example.org\""),
        Fixture("date:2024-03-01", "SENTON 1-Mar-2024"),
        Fixture("date:2024-02", "SENTSINCE 1-Feb-2024 SENTBEFORE 1-Mar-2024"),
        Fixture("date:2024-02..", "SENTSINCE 1-Feb-2024"),
        Fixture("before:2024", "SENTBEFORE 1-Jan-2024"),
        Fixture("after:2024-02-29", "SENTSINCE 1-Mar-2024"),
        Fixture("date:7d", "SENTSINCE 3-Mar-2024"),
        Fixture("size:>1M", "LARGER 1048576"),
        Fixture("size:<10k", "SMALLER 10240"),
        Fixture("size:10k..2M", "LARGER 10239 SMALLER 2097153"),
        Fixture("size:0..", "ALL"),
        Fixture("flag:seen", "SEEN"),
        Fixture("-flag:seen", "UNSEEN"),
        Fixture("NOT flag:flagged", "UNFLAGGED"),
        Fixture("flag:$label1", "KEYWORD \"$label1\""),
        Fixture("-flag:junk", "UNKEYWORD \"junk\""),
        Fixture("a OR b", "OR TEXT \"a\" TEXT \"b\""),
        Fixture("a OR b OR c", "OR TEXT \"a\" OR TEXT \"b\" TEXT \"c\""),
        Fixture("(a b) OR c", "OR (TEXT \"a\" TEXT \"b\") TEXT \"c\""),
        Fixture("-(a OR b)", "NOT OR TEXT \"a\" TEXT \"b\""),
        Fixture("-from:ann", "NOT FROM \"ann\""),
        Fixture("subject:\"say \\\"hi\\\"\"", "SUBJECT \"say \\\"hi\\\"\""),
        Fixture("folder:INBOX from:ann", "FROM \"ann\""),
        Fixture("folder:INBOX", "ALL"),
    ]

    @Test(arguments: fixtures)
    func keys(_ fixture: Fixture) throws {
        let query = try SearchQuery.parse(fixture.query, now: now)
        #expect(try query.imapSearch().key.description == fixture.expected)
    }

    @Test func foldersAndAccountsChooseWhereToSearch() throws {
        let query = try SearchQuery.parse(
            "(folder:INBOX OR folder:Archive/*) -folder:Archive/Old account:work -account:old from:ann", now: now)
        let plan = try query.imapSearch()
        #expect(plan.key == .string(key: "FROM", value: "ann"))
        #expect(plan.includes(folder: "INBOX"))
        #expect(plan.includes(folder: "inbox"))
        #expect(plan.includes(folder: "Archive/2024"))
        #expect(!plan.includes(folder: "Archive/Old"))
        #expect(!plan.includes(folder: "Sent"))
        #expect(plan.includes(account: "work"))
        #expect(!plan.includes(account: "old"))
        #expect(!plan.includes(account: "home"))
        #expect(plan.description.contains("UID SEARCH FROM \"ann\""))
        #expect(plan.description.contains("in folders named \"INBOX\" or \"Archive/*\""))
    }

    @Test func everyFolderWithoutAFolderCondition() throws {
        let plan = try SearchQuery.parse("budget", now: now).imapSearch()
        #expect(plan.includes(folder: "anything"))
        #expect(plan.includes(account: "any"))
    }

    /// A query with parts IMAP cannot express, and those parts exactly.
    struct Refusal: CustomTestStringConvertible, Sendable {
        let query: String
        let parts: [String]
        var testDescription: String { query }
    }

    static let refusals: [Refusal] = [
        Refusal(query: "thread:abc12345", parts: ["thread:<abc12345>"]),
        Refusal(query: "attachment:*.pdf mime:image/* has:attachment", parts: ["attachment:*.pdf", "mime:image/*", "has:attachment"]),
        Refusal(query: "hold:case-1 OR is:expunged", parts: ["hold:case-1", "is:expunged"]),
        Refusal(query: "budg* from:an*", parts: ["budg*", "from:an*"]),
        Refusal(query: "folder:INBOX OR from:ann", parts: ["folder:INBOX"]),
        Refusal(query: "NOT (folder:INBOX from:ann)", parts: ["folder:INBOX"]),
        Refusal(query: "query:mine", parts: ["thread:<x>"]),
    ]

    @Test(arguments: refusals)
    func refusesWhatIMAPCannotExpress(_ refusal: Refusal) throws {
        let query = try SearchQuery.parse(refusal.query, now: now, savedQuery: { $0 == "mine" ? "thread:x from:me" : nil })
        do {
            let plan = try query.imapSearch()
            Issue.record("translated as \(plan)")
        } catch {
            #expect(error.parts.map(\.text) == refusal.parts)
            #expect(error.parts.allSatisfy { !$0.reason.isEmpty })
            #expect(error.description.hasPrefix("this query cannot be sent to the server as IMAP SEARCH: "))
        }
    }

    @Test func refusalNamesTheReason() throws {
        let query = try SearchQuery.parse("from:ann thread:t1", now: now)
        do {
            _ = try query.imapSearch()
            Issue.record("translated")
        } catch {
            #expect(error.description.contains("thread:<t1> (threads are known only to the archive)"))
            #expect(error.parts[0].range == 9..<18)
        }
    }
}
