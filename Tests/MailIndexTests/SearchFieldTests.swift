import MailIndex
import MailModel
import MailQuery
import Testing

/// Every field and operator against the sample mailbox: exact result sets.
@Suite("Searching the sample mailbox")
struct SearchFieldTests {
    /// A query and exactly the rows it must find.
    struct Case: CustomTestStringConvertible, Sendable {
        let query: String
        let rows: [Int64]
        var testDescription: String { query }
    }

    static let cases: [Case] = [
        // Free words: stemming, case, accents, scripts, text only in attachments or HTML.
        Case(query: "budget", rows: [1, 2, 11]),
        Case(query: "BUDGET", rows: [1, 2, 11]),
        Case(query: "\"budget report\"", rows: [1]),
        Case(query: "red car", rows: [6, 7]),
        Case(query: "\"red car\"", rows: [6]),
        Case(query: "\"car red\"", rows: []),
        Case(query: "resume", rows: [3]),
        Case(query: "résumé", rows: [3]),
        Case(query: "RESUME", rows: [3]),
        Case(query: "cafe creme", rows: [3]),
        Case(query: "привет", rows: [4]),
        Case(query: "Привет", rows: [4]),
        Case(query: "встреча", rows: [4]),
        Case(query: "東京", rows: [5]),
        Case(query: "会議", rows: [5]),
        Case(query: "東京都", rows: [5]),
        Case(query: "invoice", rows: [8]),
        Case(query: "consulting", rows: [8]),
        Case(query: "garden", rows: [9]),
        Case(query: "ann", rows: [1, 2, 3]),
        Case(query: "budg*", rows: [1, 2, 11]),
        Case(query: "quart*", rows: [1, 2]),
        Case(query: "résu*", rows: [3]),
        Case(query: "*", rows: SampleMail.allRows),
        Case(query: "", rows: SampleMail.allRows),
        // Addresses and names.
        Case(query: "from:ann", rows: [1]),
        Case(query: "from:ann@example.org", rows: [1]),
        Case(query: "from:ANN@Example.org", rows: [1]),
        Case(query: "from:<ann@example.org>", rows: [1]),
        Case(query: "from:example.org", rows: [1, 6, 7, 10, 11]),
        Case(query: "from:\"Ann Smith\"", rows: [1]),
        Case(query: "from:\"Smith Ann\"", rows: []),
        Case(query: "from:jose", rows: [3]),
        Case(query: "from:Núñez", rows: [3]),
        Case(query: "from:nunez", rows: [3]),
        Case(query: "from:jo*", rows: [3, 11]),
        Case(query: "to:ann@example.org", rows: [2, 3]),
        Case(query: "to:bob", rows: [1]),
        Case(query: "cc:carol", rows: [10]),
        Case(query: "bcc:dave@example.net", rows: [10]),
        Case(query: "to:carol", rows: []),
        Case(query: "recip:carol@example.net", rows: [10]),
        Case(query: "recip:dave", rows: [10]),
        Case(query: "recip:ann", rows: [2, 3]),
        // Subject and body.
        Case(query: "subject:report", rows: [1, 2]),
        Case(query: "subject:budget", rows: []),
        Case(query: "subject:\"quarterly report\"", rows: [1, 2]),
        Case(query: "body:quarterly", rows: [1]),
        Case(query: "body:report", rows: [1, 2]),
        Case(query: "subject:(notes OR planning)", rows: [6, 7, 11]),
        // Attachments and parts.
        Case(query: "attachment:*.pdf", rows: [1]),
        Case(query: "attachment:report", rows: [1]),
        Case(query: "filename:invoice.txt", rows: [8]),
        Case(query: "attachment:*.jpg", rows: [11]),
        Case(query: "attachment:PHOTO*", rows: [11]),
        Case(query: "attachment:*.doc", rows: []),
        Case(query: "mime:application/pdf", rows: [1]),
        Case(query: "mime:image/*", rows: [11]),
        Case(query: "mime:image", rows: [11]),
        Case(query: "mime:text/html", rows: [9]),
        Case(query: "has:attachment", rows: [1, 8, 11]),
        // Identity and threads.
        Case(query: "id:q1@example.org", rows: [1]),
        Case(query: "mid:<q1@example.org>", rows: [1]),
        Case(query: "id:q1", rows: []),
        Case(query: "thread:t1", rows: [1, 2]),
        Case(query: "thread:q1@example.org", rows: [1, 2]),
        Case(query: "thread:\(SampleMail.id(2).hex.prefix(12))", rows: [1, 2]),
        Case(query: "thread:\(SampleMail.id(6).hex)", rows: [6]),
        Case(query: "thread:nothing-like-it", rows: []),
        // Places.
        Case(query: "folder:INBOX", rows: [1, 2, 3, 11]),
        Case(query: "folder:inbox", rows: [1, 2, 3, 11]),
        Case(query: "folder:\"Sent Items\"", rows: [4]),
        Case(query: "folder:Archive/*", rows: [2]),
        Case(query: "folder:INBOX*", rows: [1, 2, 3, 5, 8, 11]),
        Case(query: "folder:INBOX/?????", rows: []),
        Case(query: "folder:INBOX/???????", rows: [8]),
        Case(query: "account:personal", rows: [3, 4]),
        Case(query: "account:W*", rows: [1, 2, 5, 6, 7, 8, 9, 10, 11]),
        Case(query: "account:personal folder:INBOX", rows: [3]),
        // Dates at their boundaries (now is 2024-03-10 12:00 UTC).
        Case(query: "date:2024", rows: [1, 2, 3, 4, 11]),
        Case(query: "date:2024-02", rows: [3]),
        Case(query: "date:2024-03-01", rows: [4]),
        Case(query: "date:2024-02-29..2024-03-01", rows: [3, 4]),
        Case(query: "date:..2023", rows: [5, 6, 7, 8, 9]),
        Case(query: "date:2023-12-31", rows: [5]),
        Case(query: "date:2024-01-01", rows: [11]),
        Case(query: "date:2024-01..", rows: [1, 2, 3, 4, 11]),
        Case(query: "before:2024", rows: [5, 6, 7, 8, 9]),
        Case(query: "after:2024-02-29", rows: [4]),
        Case(query: "after:2023", rows: [1, 2, 3, 4, 11]),
        Case(query: "date:10d", rows: [3, 4]),
        Case(query: "date:9d", rows: [4]),
        Case(query: "date:yesterday", rows: []),
        Case(query: "date:1y..", rows: [1, 2, 3, 4, 5, 11]),
        // Sizes at their boundaries.
        Case(query: "size:>1M", rows: [8]),
        Case(query: "size:>=1M", rows: [5, 8]),
        Case(query: "size:<10k", rows: [2, 6, 7, 10]),
        Case(query: "size:<=10k", rows: [2, 3, 6, 7, 10]),
        Case(query: "size:10k..2M", rows: [1, 3, 4, 5, 9, 11]),
        Case(query: "size:10k", rows: [3]),
        Case(query: "size:10241", rows: [4]),
        // Flags and states.
        Case(query: "flag:seen", rows: [1, 2]),
        Case(query: "flag:answered", rows: [2]),
        Case(query: "flag:flagged", rows: [8]),
        Case(query: "flag:draft", rows: [10]),
        Case(query: "flag:deleted", rows: [11]),
        Case(query: "-flag:seen", rows: [3, 4, 5, 6, 7, 8, 9, 10, 11]),
        Case(query: "list:announce.vendor.example", rows: [8]),
        Case(query: "list:<announce.vendor.example>", rows: [8]),
        Case(query: "list:shop", rows: [9]),
        Case(query: "list:\"Shop news\"", rows: [9]),
        Case(query: "hold:case-42", rows: [9]),
        Case(query: "hold:case-4", rows: []),
        Case(query: "is:expunged", rows: [9]),
        // Operators.
        Case(query: "report -subject:re", rows: [1]),
        Case(query: "report NOT subject:re", rows: [1]),
        Case(query: "привет OR 会議", rows: [4, 5]),
        Case(query: "(from:ann OR from:bob) flag:answered", rows: [2]),
        Case(query: "from:ann OR from:bob flag:answered", rows: [1, 2]),
        Case(query: "NOT folder:INBOX* NOT account:personal", rows: [6, 7, 9, 10]),
        Case(query: "budget AND NOT flag:seen", rows: [11]),
        Case(query: "red car -\"red car\"", rows: [7]),
    ]

    /// The sample mailbox, indexed once; each test opens its own reader.
    static let directory = SharedIndex.make(SampleMail.documents)

    @Test(arguments: cases)
    func finds(_ item: Case) throws {
        let reader = try MailIndexReader(directory: SearchFieldTests.directory)
        let found = try reader.rows(item.query)
        #expect(found == item.rows)
    }

    @Test func savedSearches() throws {
        let reader = try MailIndexReader(directory: SearchFieldTests.directory)
        let saved = ["work": "account:work", "reports": "query:work subject:report"]
        #expect(try reader.rows("query:reports -flag:answered", savedQuery: { saved[$0] }) == [1])
    }
}
