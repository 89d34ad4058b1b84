import MailQuery
import Testing

@Suite("Explanation")
struct ExplanationTests {
    @Test func readsAsATree() throws {
        let query = try SearchQuery.parse("from:ann@example.org (budget OR \"q1 report\") -flag:seen date:2024-02 size:>1k",
                                          now: now)
        #expect(query.explanation == """
            all of:
              from: the address ann@example.org, exactly (any case)
              any of:
                text: the word(s) "budget" in the subject, body, names or addresses (any case or accent, other forms of the word too)
                text: the phrase "q1 report" in the subject, body, names or addresses (any case or accent)
              not:
                flag: seen (as last seen on the server)
              date: 2024-02-01 through 2024-02-29 (whole UTC days)
              size: at least 1025 bytes
            """)
    }

    @Test(arguments: [
        ("*", "every message"),
        ("folder:Archive/*", "folder: named matching \"Archive/*\" (any case)"),
        ("folder:INBOX", "folder: named \"INBOX\" (any case)"),
        ("attachment:*.pdf", "attachment: an attachment named matching \"*.pdf\" (any case)"),
        ("mime:image/*", "mime: a part of type matching \"image/*\""),
        ("has:attachment", "has: has an attachment"),
        ("is:expunged", "is: no longer on the server (expunged)"),
        ("id:a@b", "id: Message-ID <a@b>, exactly"),
        ("thread:t1", "thread: in the thread of \"t1\""),
        ("hold:x", "hold: under the legal hold \"x\""),
        ("date:2024-01-01", "date: on 2024-01-01 (a whole UTC day)"),
        ("date:2024-01-01..", "date: on or after 2024-01-01 (UTC)"),
        ("before:2024", "date: on or before 2023-12-31 (UTC)"),
        ("size:10", "size: exactly 10 bytes"),
        ("size:<10", "size: at most 9 bytes"),
        ("size:1..2", "size: 1 to 2 bytes"),
        ("budg*", "text: a word starting with \"budg\" in the subject, body, names or addresses (any case or accent)"),
        ("from:ann", "from: the word(s) \"ann\" in names or addresses (any case or accent)"),
    ])
    func term(_ query: String, _ expected: String) throws {
        #expect(try SearchQuery.parse(query, now: now).explanation == expected)
    }

    @Test func savedSearchIsNamed() throws {
        let query = try SearchQuery.parse("query:mine", now: now, savedQuery: { _ in "flag:seen" })
        #expect(query.explanation == "saved search \"mine\":\n  flag: seen (as last seen on the server)")
    }
}
