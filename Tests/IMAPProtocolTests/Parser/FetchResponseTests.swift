import IMAPProtocol
import MailModel
import NIOCore
import Testing

private func body(_ text: String) -> ResponseEvent { .fetch(.streamingBytes(ByteBuffer(string: text))) }

@Suite("ResponseParser: FETCH")
struct FetchResponseTests {
    @Test(arguments: [
        ParseFixture.success("simple attributes",
                             "* 12 FETCH (UID 4827313 FLAGS (\\Seen $Forwarded) RFC822.SIZE 44827 MODSEQ (12121231000))\r\n", [
            .fetch(.start(SequenceNumber(12))),
            .fetch(.attribute(.uid(UID(4_827_313)))),
            .fetch(.attribute(.flags([.seen, Flag("$Forwarded")]))),
            .fetch(.attribute(.rfc822Size(44827))),
            .fetch(.attribute(.modSeq(ModSeq(12_121_231_000)))),
            .fetch(.finish),
        ]),
        .success("internaldate", "* 1 FETCH (INTERNALDATE \"17-Jul-1996 02:44:25 -0700\")\r\n", [
            .fetch(.start(SequenceNumber(1))),
            .fetch(.attribute(.internalDate(Timestamp(year: 1996, month: 7, day: 17, hour: 9, minute: 44, second: 25)!))),
            .fetch(.finish),
        ]),
        .success("internaldate space-padded day", "* 1 FETCH (INTERNALDATE \" 7-Jul-1996 02:44:25 +0000\")\r\n", [
            .fetch(.start(SequenceNumber(1))),
            .fetch(.attribute(.internalDate(Timestamp(year: 1996, month: 7, day: 7, hour: 2, minute: 44, second: 25)!))),
            .fetch(.finish),
        ]),
        .success("body literal", "* 2 FETCH (UID 7 BODY[] {12}\r\nhello\r\nworld)\r\n", [
            .fetch(.start(SequenceNumber(2))),
            .fetch(.attribute(.uid(UID(7)))),
            .fetch(.streamingBegin(.body(.complete, offset: nil), byteCount: 12)),
            body("hello\r\nworld"),
            .fetch(.streamingEnd),
            .fetch(.finish),
        ]),
        .success("attributes after the body", "* 2 FETCH (BODY[] {3}\r\nabc FLAGS (\\Seen) UID 9)\r\n", [
            .fetch(.start(SequenceNumber(2))),
            .fetch(.streamingBegin(.body(.complete, offset: nil), byteCount: 3)),
            body("abc"),
            .fetch(.streamingEnd),
            .fetch(.attribute(.flags([.seen]))),
            .fetch(.attribute(.uid(UID(9)))),
            .fetch(.finish),
        ]),
        .success("empty literal", "* 3 FETCH (BODY[TEXT] {0}\r\n)\r\n", [
            .fetch(.start(SequenceNumber(3))),
            .fetch(.streamingBegin(.body(.text, offset: nil), byteCount: 0)),
            .fetch(.streamingEnd),
            .fetch(.finish),
        ]),
        .success("literal that looks like IMAP", "* 3 FETCH (BODY[] {19}\r\n* 4 FETCH (UID 1)\r\n)\r\n", [
            .fetch(.start(SequenceNumber(3))),
            .fetch(.streamingBegin(.body(.complete, offset: nil), byteCount: 19)),
            body("* 4 FETCH (UID 1)\r\n"),
            .fetch(.streamingEnd),
            .fetch(.finish),
        ]),
        .success("non-synchronizing and binary literal", "* 3 FETCH (BINARY[1] ~{2}\r\n\0\u{1} BINARY.SIZE[1] 2)\r\n", [
            .fetch(.start(SequenceNumber(3))),
            .fetch(.streamingBegin(.binary(part: [1], offset: nil), byteCount: 2)),
            body("\0\u{1}"),
            .fetch(.streamingEnd),
            .fetch(.attribute(.binarySize(part: [1], size: 2))),
            .fetch(.finish),
        ]),
        .success("quoted body", "* 4 FETCH (BODY[HEADER.FIELDS (FROM SUBJECT)] \"From: a\")\r\n", [
            .fetch(.start(SequenceNumber(4))),
            .fetch(.streamingBegin(.body(SectionSpecifier(kind: .headerFields(["FROM", "SUBJECT"])), offset: nil), byteCount: 7)),
            body("From: a"),
            .fetch(.streamingEnd),
            .fetch(.finish),
        ]),
        .success("nil body", "* 4 FETCH (BODY[1.2.MIME] NIL)\r\n", [
            .fetch(.start(SequenceNumber(4))),
            .fetch(.attribute(.nilBody(.body(SectionSpecifier(part: [1, 2], kind: .mime), offset: nil)))),
            .fetch(.finish),
        ]),
        .success("partial origin", "* 5 FETCH (BODY[]<100> {2}\r\nxy)\r\n", [
            .fetch(.start(SequenceNumber(5))),
            .fetch(.streamingBegin(.body(.complete, offset: 100), byteCount: 2)),
            body("xy"),
            .fetch(.streamingEnd),
            .fetch(.finish),
        ]),
        .success("rfc822 kinds", "* 5 FETCH (RFC822.HEADER {1}\r\na RFC822.TEXT {1}\r\nb RFC822 {1}\r\nc)\r\n", [
            .fetch(.start(SequenceNumber(5))),
            .fetch(.streamingBegin(.rfc822Header, byteCount: 1)), body("a"), .fetch(.streamingEnd),
            .fetch(.streamingBegin(.rfc822Text, byteCount: 1)), body("b"), .fetch(.streamingEnd),
            .fetch(.streamingBegin(.rfc822, byteCount: 1)), body("c"), .fetch(.streamingEnd),
            .fetch(.finish),
        ]),
        .success("odd spacing", "* 6 FETCH ( UID 1  FLAGS ()  )\r\n", [
            .fetch(.start(SequenceNumber(6))),
            .fetch(.attribute(.uid(UID(1)))),
            .fetch(.attribute(.flags([]))),
            .fetch(.finish),
        ]),
        .success("no space between attributes", "* 6 FETCH (FLAGS (\\Seen)UID 3)\r\n", [
            .fetch(.start(SequenceNumber(6))),
            .fetch(.attribute(.flags([.seen]))),
            .fetch(.attribute(.uid(UID(3)))),
            .fetch(.finish),
        ]),
        .success("lowercase names", "* 6 fetch (uid 3 rfc822.size 4)\r\n", [
            .fetch(.start(SequenceNumber(6))),
            .fetch(.attribute(.uid(UID(3)))),
            .fetch(.attribute(.rfc822Size(4))),
            .fetch(.finish),
        ]),
        .success("gmail attributes", "* 1 FETCH (X-GM-MSGID 1278455344230334865 X-GM-THRID 1266894439832287888 X-GM-LABELS (\\Inbox \"Work Stuff\"))\r\n", [
            .fetch(.start(SequenceNumber(1))),
            .fetch(.attribute(.gmailMessageID(1_278_455_344_230_334_865))),
            .fetch(.attribute(.gmailThreadID(1_266_894_439_832_287_888))),
            .fetch(.attribute(.gmailLabels(["\\Inbox", "Work Stuff"]))),
            .fetch(.finish),
        ]),
        .success("unknown attribute skipped", "* 1 FETCH (X-UNKNOWN (a \"b\" {1}\r\nc) UID 2)\r\n", [
            .fetch(.start(SequenceNumber(1))),
            .fetch(.attribute(.other("X-UNKNOWN"))),
            .fetch(.attribute(.uid(UID(2)))),
            .fetch(.finish),
        ]),
        .incomplete("fetch literal header incomplete", "* 1 FETCH (BODY[] {1"),
        .failure("bad attribute value", "* 1 FETCH (UID x)\r\n", "a number"),
        .failure("unclosed fetch", "* 1 FETCH (UID 1\r\n", "malformed"),
        .failure("bad section", "* 1 FETCH (BODY[FOO] {1}\r\nx)\r\n", "HEADER, HEADER.FIELDS"),
        .failure("bad internaldate", "* 1 FETCH (INTERNALDATE \"yesterday\")\r\n", "date-time"),
    ])
    func parse(_ fixture: ParseFixture) { check(fixture) }

    @Test func envelope() {
        let input = "* 12 FETCH (ENVELOPE (\"Wed, 17 Jul 1996 02:23:25 -0700 (PDT)\" \"IMAP4rev1 WG mtg summary and minutes\" "
            + "((\"Terry Gray\" NIL \"gray\" \"cac.washington.edu\")) ((\"Terry Gray\" NIL \"gray\" \"cac.washington.edu\")) "
            + "((\"Terry Gray\" NIL \"gray\" \"cac.washington.edu\")) ((NIL NIL \"imap\" \"cac.washington.edu\")) "
            + "((NIL NIL \"minutes\" \"CNRI.Reston.VA.US\")(\"John Klensin\" NIL \"KLENSIN\" \"MIT.EDU\")) NIL NIL "
            + "\"<B27397-0100000@cac.washington.edu>\"))\r\n"
        let terry = EnvelopeAddress(name: "Terry Gray", adl: nil, mailbox: "gray", host: "cac.washington.edu")
        let expected = Envelope(
            date: "Wed, 17 Jul 1996 02:23:25 -0700 (PDT)", subject: "IMAP4rev1 WG mtg summary and minutes",
            from: [terry], sender: [terry], replyTo: [terry],
            to: [EnvelopeAddress(name: nil, adl: nil, mailbox: "imap", host: "cac.washington.edu")],
            cc: [EnvelopeAddress(name: nil, adl: nil, mailbox: "minutes", host: "CNRI.Reston.VA.US"),
                 EnvelopeAddress(name: "John Klensin", adl: nil, mailbox: "KLENSIN", host: "MIT.EDU")],
            bcc: [], inReplyTo: nil, messageID: "<B27397-0100000@cac.washington.edu>")
        check(.success("envelope", input, [.fetch(.start(SequenceNumber(12))), .fetch(.attribute(.envelope(expected))), .fetch(.finish)]))
    }

    @Test func envelopeWithLiteralSubjectAnd8Bit() {
        let input = "* 1 FETCH (ENVELOPE (NIL {6}\r\nCaf\u{e9}! ((\"M\u{fc}ller\" NIL \"m\" \"x.de\")) NIL NIL NIL NIL NIL NIL NIL) UID 5)\r\n"
        let expected = Envelope(subject: "Café!", from: [EnvelopeAddress(name: "Müller", adl: nil, mailbox: "m", host: "x.de")])
        check(.success("envelope literal", input, [.fetch(.start(SequenceNumber(1))), .fetch(.attribute(.envelope(expected))),
                                                   .fetch(.attribute(.uid(UID(5)))), .fetch(.finish)]))
    }

    @Test func envelope8BitLatin1() {
        // A server that sends ISO-8859-1 bytes in a quoted string: kept, one character per byte.
        var input = Array("* 1 FETCH (ENVELOPE (NIL \"caf".utf8)
        input.append(0xE9)
        input += Array("\" NIL NIL NIL NIL NIL NIL NIL NIL))\r\n".utf8)
        let outcome = ParseHarness.run(input)
        let expected = Envelope(subject: "caf\u{e9}")
        #expect(outcome == .events([.fetch(.start(SequenceNumber(1))), .fetch(.attribute(.envelope(expected))), .fetch(.finish)],
                                   leftover: ""))
    }
}
