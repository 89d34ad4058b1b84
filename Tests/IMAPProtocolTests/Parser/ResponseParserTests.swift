import IMAPProtocol
import MailModel
import NIOCore
import Testing

/// Checks a fixture whole, one byte at a time and in random chunks; a terminator (the start of another
/// response) must be left unconsumed.
func check(_ fixture: ParseFixture, sourceLocation: SourceLocation = #_sourceLocation) {
    let terminator = "* 9 EXIS"
    let input = fixture.input + terminator
    var chunkings: [[Int]] = [[], [1], [2], [3], [7]]
    var random = SplitMix64(seed: UInt64(fixture.input.utf8.count))
    for _ in 0..<3 { chunkings.append((0..<8).map { _ in Int.random(in: 1...40, using: &random) }) }
    for chunking in chunkings {
        let outcome = ParseHarness.run(input, chunkSizes: chunking, options: fixture.options)
        switch fixture.expected {
        case .success(let events):
            #expect(outcome == .events(events, leftover: terminator), "chunks \(chunking)", sourceLocation: sourceLocation)
        case .incomplete:
            #expect(outcome == .events([], leftover: input), "chunks \(chunking)", sourceLocation: sourceLocation)
        case .failure(let text):
            guard case .failure(let description) = outcome else {
                Issue.record("expected a failure containing '\(text)', got \(outcome) (chunks \(chunking))",
                             sourceLocation: sourceLocation)
                return
            }
            #expect(description.contains(text), "\(description)", sourceLocation: sourceLocation)
        }
    }
}

@Suite("ResponseParser: status responses and greetings")
struct StatusResponseTests {
    @Test(arguments: [
        ParseFixture.untagged("greeting", "* OK [CAPABILITY IMAP4rev1 LITERAL+ AUTH=PLAIN] Dovecot ready.\r\n",
                              .ok(ResponseText(code: .capability([.imap4rev1, .literalPlus, .auth("PLAIN")]),
                                               text: "Dovecot ready."))),
        .untagged("preauth", "* PREAUTH welcome\r\n", .preauth(ResponseText(text: "welcome"))),
        .untagged("bye", "* BYE shutting down\r\n", .bye(ResponseText(text: "shutting down"))),
        .untagged("ok without text", "* OK\r\n", .ok(ResponseText(text: ""))),
        .untagged("ok with code only", "* OK [READ-WRITE]\r\n", .ok(ResponseText(code: .readWrite, text: ""))),
        .untagged("no warning", "* NO disk almost full\r\n", .no(ResponseText(text: "disk almost full"))),
        .untagged("bad", "* BAD what?\r\n", .bad(ResponseText(text: "what?"))),
        .untagged("odd spacing", "*  OK   [UIDNEXT 4]   Predicted\r\n", .ok(ResponseText(code: .uidNext(UID(4)), text: "Predicted"))),
        .untagged("bare LF", "* OK fine\n", .ok(ResponseText(text: "fine"))),
        .untagged("8-bit text", "* OK Grüße\r\n", .ok(ResponseText(text: "Grüße"))),
        .success("tagged ok", "A1 OK [READ-WRITE] SELECT completed\r\n",
                 [.tagged(TaggedResponse(tag: "A1", state: .ok, text: ResponseText(code: .readWrite, text: "SELECT completed")))]),
        .success("tagged no", "a.2 NO [AUTHENTICATIONFAILED] Authentication failed.\r\n",
                 [.tagged(TaggedResponse(tag: "a.2", state: .no, text: ResponseText(code: .other("AUTHENTICATIONFAILED", nil),
                                                                                   text: "Authentication failed.")))]),
        .success("tagged bad lowercase", "x bad error in IMAP command\r\n",
                 [.tagged(TaggedResponse(tag: "x", state: .bad, text: ResponseText(text: "error in IMAP command")))]),
        .success("continuation", "+ idling\r\n", [.continuation(ContinuationRequest(text: "idling"))]),
        .success("bare continuation", "+\r\n", [.continuation(ContinuationRequest(text: ""))]),
        .success("sasl continuation", "+ \r\n", [.continuation(ContinuationRequest(text: ""))]),
        .incomplete("no line end", "* OK [UIDVALIDITY 3] x"),
        .incomplete("tag only", "A1 OK"),
        .failure("unknown state", "A1 MAYBE x\r\n", "OK, NO or BAD"),
        .failure("missing tag state", "A1\r\n", "a space"),
    ])
    func parse(_ fixture: ParseFixture) { check(fixture) }
}

@Suite("ResponseParser: response codes")
struct ResponseCodeTests {
    static func code(_ text: String, _ code: ResponseCode) -> ParseFixture {
        .untagged(text, "* OK [\(text)] x\r\n", .ok(ResponseText(code: code, text: "x")))
    }

    @Test(arguments: [
        code("ALERT", .alert),
        code("PARSE", .parse),
        code("READ-ONLY", .readOnly),
        code("TRYCREATE", .tryCreate),
        code("UIDVALIDITY 3857529045", .uidValidity(UIDValidity(3_857_529_045))),
        code("UIDNEXT 4392", .uidNext(UID(4392))),
        code("UNSEEN 12", .unseen(SequenceNumber(12))),
        code("HIGHESTMODSEQ 715194045007", .highestModSeq(ModSeq(715_194_045_007))),
        code("NOMODSEQ", .noModSeq),
        code("CLOSED", .closed),
        code("UIDNOTSTICKY", .uidNotSticky),
        code("PERMANENTFLAGS (\\Answered \\Seen $Label1 \\*)",
             .permanentFlags([.answered, .seen, Flag("$Label1"), Flag("\\*")])),
        code("PERMANENTFLAGS ()", .permanentFlags([])),
        code("APPENDUID 38505 3955", .appendUID(UIDValidity(38505), UIDSet([UID(3955)]))),
        code("COPYUID 38505 304,319:320 3956:3958",
             .copyUID(UIDValidity(38505), UIDSet(rawRanges: [304...304, 319...320]), UIDSet(rawRanges: [3956...3958]))),
        code("MODIFIED 7,9", .modified(SequenceSet(rawRanges: [7...7, 9...9]))),
        code("BADCHARSET (UTF-8 US-ASCII)", .badCharset(["UTF-8", "US-ASCII"])),
        code("BADCHARSET", .badCharset([])),
        code("CAPABILITY IMAP4rev1 IDLE", .capability([.imap4rev1, .idle])),
        code("OVERQUOTA", .other("OVERQUOTA", nil)),
        code("X-SOMETHING some text here", .other("X-SOMETHING", "some text here")),
        code("UIDNEXT notanumber", .other("UIDNEXT", "notanumber")),
    ])
    func parse(_ fixture: ParseFixture) { check(fixture) }

    @Test func unclosedCodeFails() {
        check(.failure("unclosed", "* OK [ALERT oops\r\n", "']'"))
    }
}

@Suite("ResponseParser: mailbox data")
struct MailboxDataTests {
    @Test(arguments: [
        ParseFixture.untagged("capability", "* CAPABILITY IMAP4rev1 SASL-IR ID ENABLE IDLE LITERAL+ STARTTLS AUTH=PLAIN\r\n",
                              .capability([.imap4rev1, .saslIR, .id, .enable, .idle, .literalPlus, .startTLS, .auth("PLAIN")])),
        .untagged("capability trailing space", "* CAPABILITY IMAP4rev1 \r\n", .capability([.imap4rev1])),
        .untagged("enabled", "* ENABLED CONDSTORE QRESYNC\r\n", .enabled([.condStore, .qresync])),
        .untagged("enabled none", "* ENABLED\r\n", .enabled([])),
        .untagged("flags", "* FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft)\r\n",
                  .flags([.answered, .flagged, .deleted, .seen, .draft])),
        .untagged("exists", "* 172 EXISTS\r\n", .exists(172)),
        .untagged("recent", "* 1 RECENT\r\n", .recent(1)),
        .untagged("expunge", "* 44 EXPUNGE\r\n", .expunge(SequenceNumber(44))),
        .untagged("list", "* LIST (\\HasNoChildren \\Sent) \".\" Sent\r\n",
                  .list(MailboxListItem(attributes: [.hasNoChildren, .sent], delimiter: UInt8(ascii: "."), name: EncodedMailbox("Sent")))),
        .untagged("list quoted name", "* LIST () \"/\" \"Foo Bar\"\r\n",
                  .list(MailboxListItem(attributes: [], delimiter: UInt8(ascii: "/"), name: EncodedMailbox("Foo Bar")))),
        .untagged("list literal name", "* LIST (\\Marked) \"/\" {7}\r\nFoo\"Bar\r\n",
                  .list(MailboxListItem(attributes: [MailboxAttribute("\\Marked")], delimiter: UInt8(ascii: "/"),
                                        name: EncodedMailbox("Foo\"Bar")))),
        .untagged("list nil delimiter", "* LIST (\\Noselect) NIL \"\"\r\n",
                  .list(MailboxListItem(attributes: [.noSelect], delimiter: nil, name: EncodedMailbox("")))),
        .untagged("list inbox any case", "* LIST () \".\" inbox\r\n",
                  .list(MailboxListItem(attributes: [], delimiter: UInt8(ascii: "."), name: .inbox))),
        .untagged("list utf-7", "* LIST (\\HasNoChildren) \".\" \"Caf&AOk-\"\r\n",
                  .list(MailboxListItem(attributes: [.hasNoChildren], delimiter: UInt8(ascii: "."), name: EncodedMailbox("Caf&AOk-")))),
        .untagged("list extended", "* LIST (\\Subscribed) \"/\" Foo (\"CHILDINFO\" (\"SUBSCRIBED\"))\r\n",
                  .list(MailboxListItem(attributes: [MailboxAttribute("\\Subscribed")], delimiter: UInt8(ascii: "/"),
                                        name: EncodedMailbox("Foo"), extendedData: ["CHILDINFO": "(\"SUBSCRIBED\")"]))),
        .untagged("lsub", "* LSUB () \".\" Drafts\r\n",
                  .lsub(MailboxListItem(attributes: [], delimiter: UInt8(ascii: "."), name: EncodedMailbox("Drafts")))),
        .untagged("status", "* STATUS INBOX (MESSAGES 231 UIDNEXT 44292 UIDVALIDITY 1 UNSEEN 3 HIGHESTMODSEQ 7 SIZE 900 RECENT 0)\r\n",
                  .status({
                      var status = MailboxStatus(mailbox: .inbox)
                      status.messages = 231
                      status.uidNext = UID(44292)
                      status.uidValidity = UIDValidity(1)
                      status.unseen = 3
                      status.highestModSeq = ModSeq(7)
                      status.size = 900
                      status.recent = 0
                      return status
                  }())),
        .untagged("status empty", "* STATUS \"A b\" ()\r\n", .status(MailboxStatus(mailbox: EncodedMailbox("A b")))),
        .untagged("search", "* SEARCH 2 84 882\r\n", .search([2, 84, 882], modSeq: nil)),
        .untagged("search empty", "* SEARCH\r\n", .search([], modSeq: nil)),
        .untagged("search modseq", "* SEARCH 2 5 (MODSEQ 917162500)\r\n", .search([2, 5], modSeq: ModSeq(917_162_500))),
        .untagged("search trailing space", "* SEARCH 1 \r\n", .search([1], modSeq: nil)),
        .untagged("esearch", "* ESEARCH (TAG \"A282\") UID MIN 2 MAX 47 COUNT 3 ALL 2,10:11,47\r\n",
                  .esearch({
                      var result = ExtendedSearchResult(tag: "A282", uid: true)
                      result.min = 2
                      result.max = 47
                      result.count = 3
                      result.all = [2...2, 10...11, 47...47]
                      return result
                  }())),
        .untagged("esearch empty", "* ESEARCH (TAG \"A1\") UID\r\n", .esearch(ExtendedSearchResult(tag: "A1", uid: true))),
        .untagged("vanished", "* VANISHED 405,407,410:420\r\n",
                  .vanished(UIDSet(rawRanges: [405...405, 407...407, 410...420]), earlier: false)),
        .untagged("vanished earlier", "* VANISHED (EARLIER) 300:310\r\n",
                  .vanished(UIDSet(rawRanges: [300...310]), earlier: true)),
        .untagged("id", "* ID (\"name\" \"Dovecot\" \"version\" NIL)\r\n",
                  .id([IDParameter(key: "name", value: "Dovecot"), IDParameter(key: "version", value: nil)])),
        .untagged("id nil", "* ID NIL\r\n", .id([])),
        .untagged("namespace", "* NAMESPACE ((\"\" \".\")) NIL ((\"Shared/\" \"/\" \"X-PARAM\" (\"a\")))\r\n",
                  .namespace(NamespaceResponse(personal: [.init(prefix: EncodedMailbox(""), delimiter: UInt8(ascii: "."))],
                                               otherUsers: [],
                                               shared: [.init(prefix: EncodedMailbox("Shared/"), delimiter: UInt8(ascii: "/"))]))),
        .untagged("unknown response", "* XAPPLEPUSHSERVICE aps-version 2 {3}\r\nabc\r\n", .other("XAPPLEPUSHSERVICE")),
        .untagged("unknown numbered", "* 3 XSTRANGE (a b)\r\n", .other("XSTRANGE")),
        .failure("list bad delimiter", "* LIST () \"ab\" x\r\n", "one-character"),
        .failure("exists with extra text", "* 12 EXISTS x\r\n", "end of the line"),
        .failure("status unclosed", "* STATUS INBOX (MESSAGES 1\r\n", "malformed"),
        .incomplete("list literal incomplete", "* LIST () \"/\" {10}\r\nabc"),
    ])
    func parse(_ fixture: ParseFixture) { check(fixture) }
}
