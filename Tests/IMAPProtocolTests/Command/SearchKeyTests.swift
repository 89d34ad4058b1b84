import IMAPProtocol
import MailModel
import NIOCore
import Testing

private func search(_ key: SearchKey, options: CommandEncodingOptions = .init(), returning: [SearchReturnOption]? = nil) -> [String] {
    Command.uidSearch(key, returnOptions: returning).encoded(tag: "A1", options: options).chunks.map { String(buffer: $0) }
}

@Suite("SearchKey encoding")
struct SearchKeyTests {
    private let day = IMAPDate(year: 2024, month: 1, day: 5)!

    @Test func simpleKeys() {
        #expect(search(.all) == ["A1 UID SEARCH ALL\r\n"])
        #expect(search(.from("alice@example.com")) == ["A1 UID SEARCH FROM alice@example.com\r\n"])
        #expect(search(.subject("two words")) == ["A1 UID SEARCH SUBJECT \"two words\"\r\n"])
        #expect(search(.header("List-Id", "cairn.dev")) == ["A1 UID SEARCH HEADER List-Id cairn.dev\r\n"])
        #expect(search(.to("b")) + search(.cc("c")) + search(.bcc("d")) + search(.body("e")) + search(.text("f")) == [
            "A1 UID SEARCH TO b\r\n", "A1 UID SEARCH CC c\r\n", "A1 UID SEARCH BCC d\r\n", "A1 UID SEARCH BODY e\r\n",
            "A1 UID SEARCH TEXT f\r\n",
        ])
    }

    @Test func datesSizesFlagsAndSets() {
        #expect(search(.and([.since(day), .before(day), .on(day), .sentSince(day), .sentBefore(day), .sentOn(day)])) ==
                ["A1 UID SEARCH SINCE 5-Jan-2024 BEFORE 5-Jan-2024 ON 5-Jan-2024 SENTSINCE 5-Jan-2024 SENTBEFORE 5-Jan-2024 SENTON 5-Jan-2024\r\n"])
        #expect(search(.and([.larger(1000), .smaller(5000)])) == ["A1 UID SEARCH LARGER 1000 SMALLER 5000\r\n"])
        #expect(search(.and([.flag(.seen), .notFlag(.answered), .flag(Flag("$Junk")), .notFlag(Flag("work")), .flag(.recent), .new, .old])) ==
                ["A1 UID SEARCH SEEN UNANSWERED KEYWORD $junk UNKEYWORD work RECENT NEW OLD\r\n"])
        #expect(search(.and([.uid(UIDSet(rawRanges: [1...5, 9...UInt32.max])), .sequence(SequenceSet(rawRanges: [2...3])), .modSeq(ModSeq(7))])) ==
                ["A1 UID SEARCH UID 1:5,9:* 2:3 MODSEQ 7\r\n"])
    }

    @Test func treesNestWithParentheses() {
        let key = SearchKey.or(.and([.from("a"), .subject("b")]), .not(.or(.flag(.seen), .and([.larger(1), .smaller(9)]))))
        #expect(search(key) == ["A1 UID SEARCH OR (FROM a SUBJECT b) NOT OR SEEN (LARGER 1 SMALLER 9)\r\n"])
        #expect(search(.and([])) == ["A1 UID SEARCH ALL\r\n"])
        #expect(search(.and([.and([.flag(.seen)])])) == ["A1 UID SEARCH SEEN\r\n"])
    }

    @Test func nonASCIIStringsUseCharsetAndLiterals() {
        #expect(search(.subject("Grüße")) == ["A1 UID SEARCH CHARSET UTF-8 SUBJECT {7}\r\n", "Grüße\r\n"])
        #expect(search(.subject("Grüße"), options: .init(literalMode: .nonSynchronizing)) ==
                ["A1 UID SEARCH CHARSET UTF-8 SUBJECT {7+}\r\nGrüße\r\n"])
        #expect(search(.subject("Grüße"), options: .init(utf8: true)) == ["A1 UID SEARCH SUBJECT \"Grüße\"\r\n"])
    }

    @Test func returnOptions() {
        #expect(search(.all, returning: [.all, .count]) == ["A1 UID SEARCH RETURN (ALL COUNT) ALL\r\n"])
        #expect(search(.all, returning: []) == ["A1 UID SEARCH RETURN () ALL\r\n"])
    }
}
