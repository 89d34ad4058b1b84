import Archive
import IMAPProtocol
import MailModel
import MailQuery
import Testing

/// A query's IMAP translation as the command the server gets.
@Suite("Queries as UID SEARCH commands")
struct SearchKeyTranslationTests {
    @Test("each translatable field becomes its SEARCH key, written as sent", arguments: [
        ("from:ann", "UID SEARCH FROM ann"),
        ("from:ann@example.org", "UID SEARCH FROM ann@example.org"),
        ("to:bob cc:carol bcc:dave", "UID SEARCH TO bob CC carol BCC dave"),
        ("recip:bob", "UID SEARCH OR TO bob OR CC bob BCC bob"),
        ("subject:\"quarterly report\"", "UID SEARCH SUBJECT \"quarterly report\""),
        ("body:invoice budget", "UID SEARCH BODY invoice TEXT budget"),
        ("flag:seen -flag:flagged flag:answered", "UID SEARCH SEEN UNFLAGGED ANSWERED"),
        ("flag:draft OR flag:deleted", "UID SEARCH OR DRAFT DELETED"),
        ("flag:$label1 -flag:work", "UID SEARCH KEYWORD $label1 UNKEYWORD work"),
        ("size:>1M", "UID SEARCH LARGER 1048576"),
        ("size:<10k", "UID SEARCH SMALLER 10240"),
        ("size:10", "UID SEARCH LARGER 9 SMALLER 11"),
        ("date:2024-01..2024-03", "UID SEARCH SENTSINCE 1-Jan-2024 SENTBEFORE 1-Apr-2024"),
        ("date:2024-02-29", "UID SEARCH SENTON 29-Feb-2024"),
        ("before:2024", "UID SEARCH SENTBEFORE 1-Jan-2024"),
        ("after:2024-12", "UID SEARCH SENTSINCE 1-Jan-2025"),
        ("id:abc@example.org", "UID SEARCH HEADER Message-ID <abc@example.org>"),
        ("list:dev.example.org", "UID SEARCH HEADER List-Id dev.example.org"),
        ("NOT (from:ann OR subject:x)", "UID SEARCH NOT OR FROM ann SUBJECT x"),
        ("NOT (from:ann subject:x)", "UID SEARCH NOT (FROM ann SUBJECT x)"),
        ("a OR b OR c", "UID SEARCH OR TEXT a OR TEXT b TEXT c"),
        ("(a OR b) c", "UID SEARCH OR TEXT a TEXT b TEXT c"),
        ("*", "UID SEARCH ALL"),
        ("folder:INBOX from:ann", "UID SEARCH FROM ann"),
    ])
    func commands(query: String, command: String) throws {
        let plan = try SearchQuery.parse(query, now: Timestamp(secondsSince1970: 1_700_000_000)).imapSearch()
        #expect(plan.commandText() == command)
        #expect(plan.commandText(eSearch: true) == command.replacingOccurrences(of: "UID SEARCH ", with: "UID SEARCH RETURN (ALL) "))
    }

    @Test("non-ASCII strings are sent as literals after CHARSET UTF-8")
    func utf8() throws {
        let plan = try SearchQuery.parse("subject:Réunion", now: Timestamp(secondsSince1970: 0)).imapSearch()
        #expect(plan.commandText() == "UID SEARCH CHARSET UTF-8 SUBJECT {8+}\r\nRéunion")
        #expect(SearchKey(plan.key) == .subject("Réunion"))
    }

    @Test("the neutral keys map to the client's keys one to one")
    func keys() {
        let day = CivilDay(year: 2024, month: 3, day: 1)!
        let date = IMAPDate(year: 2024, month: 3, day: 1)!
        #expect(SearchKey(.flag("UNSEEN")) == .notFlag(.seen))
        #expect(SearchKey(.flag("DELETED")) == .flag(.deleted))
        #expect(SearchKey(.string(key: "KEYWORD", value: "$Junk")) == .flag(Flag("$Junk")))
        #expect(SearchKey(.date(key: "SENTSINCE", day: day)) == .sentSince(date))
        #expect(SearchKey(.date(key: "SENTBEFORE", day: day)) == .sentBefore(date))
        #expect(SearchKey(.number(key: "SMALLER", value: 5)) == .smaller(5))
        #expect(SearchKey(.and([.all])) == .all)
        #expect(SearchKey(.not(.or(.all, .header(name: "X", value: "y")))) == .not(.or(.all, .header("X", "y"))))
    }
}
