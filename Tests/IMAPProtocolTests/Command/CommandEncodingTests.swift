import IMAPProtocol
import MailModel
import NIOCore
import Testing

/// A command, its options and the chunks it must encode to.
struct EncodeFixture: CustomTestStringConvertible, Sendable {
    var command: Command
    var options = CommandEncodingOptions()
    var chunks: [String]
    var testDescription: String { chunks.joined(separator: " | ") }
}

private func fixture(_ command: Command, _ chunks: String..., options: CommandEncodingOptions = .init()) -> EncodeFixture {
    EncodeFixture(command: command, options: options, chunks: chunks)
}

@Suite("Command encoding")
struct CommandEncodingTests {
    @Test(arguments: [
        fixture(.capability, "A1 CAPABILITY\r\n"),
        fixture(.noop, "A1 NOOP\r\n"),
        fixture(.logout, "A1 LOGOUT\r\n"),
        fixture(.startTLS, "A1 STARTTLS\r\n"),
        fixture(.idle, "A1 IDLE\r\n"),
        fixture(.compressDeflate, "A1 COMPRESS DEFLATE\r\n"),
        fixture(.namespace, "A1 NAMESPACE\r\n"),
        fixture(.enable([.condStore, .qresync]), "A1 ENABLE CONDSTORE QRESYNC\r\n"),
        fixture(.id(nil), "A1 ID NIL\r\n"),
        fixture(.id([IDParameter(key: "name", value: "Cairn"), IDParameter(key: "os", value: nil)]), "A1 ID (\"name\" \"Cairn\" \"os\" NIL)\r\n"),
        fixture(.login(username: "alice", password: "pa ss\"w\\rd"), "A1 LOGIN alice \"pa ss\\\"w\\\\rd\"\r\n"),
        fixture(.login(username: "alice", password: "line\nbreak"), "A1 LOGIN alice {10}\r\n", "line\nbreak\r\n"),
        fixture(.login(username: "jörg", password: "x"), "A1 LOGIN {5}\r\n", "jörg x\r\n"),
        fixture(.login(username: "jörg", password: "x"), "A1 LOGIN \"jörg\" x\r\n", options: .init(utf8: true)),
        fixture(.login(username: "", password: "x"), "A1 LOGIN \"\" x\r\n"),
        fixture(.authenticate(mechanism: "PLAIN", initialResponse: []), "A1 AUTHENTICATE PLAIN =\r\n"),
        fixture(.authenticate(mechanism: "LOGIN", initialResponse: nil), "A1 AUTHENTICATE LOGIN\r\n"),
        fixture(.select(.inbox, nil), "A1 SELECT INBOX\r\n"),
        fixture(.select(EncodedMailbox("Sent Items"), .condStore), "A1 SELECT \"Sent Items\" (CONDSTORE)\r\n"),
        fixture(.examine(EncodedMailbox("a"), .qresync(uidValidity: UIDValidity(67890007), modSeq: ModSeq(90060115194045000),
                                                         knownUIDs: UIDSet(rawRanges: [41...211, 214...541]))),
                "A1 EXAMINE a (QRESYNC (67890007 90060115194045000 41:211,214:541))\r\n"),
        fixture(.create(EncodedMailbox(MailboxName("Café/Ünter"), delimiter: UInt8(ascii: "."))), "A1 CREATE Caf&AOk-.&ANw-nter\r\n"),
        fixture(.create(EncodedMailbox(MailboxName("Café"), delimiter: UInt8(ascii: "/"), utf8: true)), "A1 CREATE \"Café\"\r\n",
                options: .init(utf8: true)),
        fixture(.delete(EncodedMailbox("[Gmail]/Trash")), "A1 DELETE [Gmail]/Trash\r\n"),
        fixture(.rename(from: EncodedMailbox("a"), to: EncodedMailbox("b c")), "A1 RENAME a \"b c\"\r\n"),
        fixture(.list(reference: EncodedMailbox(""), pattern: EncodedMailbox("*"), returnOptions: []), "A1 LIST \"\" *\r\n"),
        fixture(.list(reference: EncodedMailbox(""), pattern: EncodedMailbox("%"), returnOptions: [.specialUse, .status([.messages, .uidNext])]),
                "A1 LIST \"\" % RETURN (SPECIAL-USE STATUS (MESSAGES UIDNEXT))\r\n"),
        fixture(.lsub(reference: EncodedMailbox(""), pattern: EncodedMailbox("*")), "A1 LSUB \"\" *\r\n"),
        fixture(.status(.inbox, [.messages, .uidValidity, .highestModSeq]), "A1 STATUS INBOX (MESSAGES UIDVALIDITY HIGHESTMODSEQ)\r\n"),
        fixture(.append(EncodedMailbox("Drafts"), flags: [.seen, Flag("$Label1")],
                        internalDate: Timestamp(year: 2024, month: 2, day: 1, hour: 9, minute: 5, second: 7),
                        message: ByteBuffer(string: "Subject: x\r\n\r\nhi\r\n")),
                "A1 APPEND Drafts (\\Seen $label1) \"01-Feb-2024 09:05:07 +0000\" {18}\r\n", "Subject: x\r\n\r\nhi\r\n\r\n"),
        fixture(.append(.inbox, flags: [], internalDate: nil, message: ByteBuffer(string: "hi")), "A1 APPEND INBOX {2+}\r\nhi\r\n",
                options: .init(literalMode: .nonSynchronizing)),
        fixture(.append(.inbox, flags: [], internalDate: nil, message: ByteBuffer(string: "hi")), "A1 APPEND INBOX {2+}\r\nhi\r\n",
                options: .init(literalMode: .nonSynchronizingUpTo4096)),
        fixture(.append(.inbox, flags: [], internalDate: nil, message: ByteBuffer(repeating: 0x41, count: 4097)),
                "A1 APPEND INBOX {4097}\r\n", String(repeating: "A", count: 4097) + "\r\n", options: .init(literalMode: .nonSynchronizingUpTo4096)),
        fixture(.uidFetch(UIDSet(rawRanges: [1...100]), [.uid, .flags, .internalDate, .rfc822Size, .modSeq, .body(.complete)],
                          changedSince: nil, vanished: false),
                "A1 UID FETCH 1:100 (UID FLAGS INTERNALDATE RFC822.SIZE MODSEQ BODY.PEEK[])\r\n"),
        fixture(.uidFetch(UIDSet.all, [.flags], changedSince: ModSeq(12345), vanished: true),
                "A1 UID FETCH 1:* (FLAGS) (CHANGEDSINCE 12345 VANISHED)\r\n"),
        fixture(.fetch(SequenceSet(rawRanges: [1...1]), [.envelope, .bodyStructure, .body(.header, peek: false),
                                                          .body(SectionSpecifier(part: [1, 2], kind: .mime)),
                                                          .body(SectionSpecifier(kind: .headerFields(["From", "To"]))),
                                                          .body(.text, partial: 0...1023), .binary(part: [2]), .binarySize(part: [2])],
                        changedSince: nil),
                "A1 FETCH 1 (ENVELOPE BODYSTRUCTURE BODY[HEADER] BODY.PEEK[1.2.MIME] BODY.PEEK[HEADER.FIELDS (From To)] BODY.PEEK[TEXT]<0.1024> BINARY.PEEK[2] BINARY.SIZE[2])\r\n"),
        fixture(.uidStore(UIDSet([UID(4)]), StoreOperation(.add, [.flagged, .seen], silent: true), unchangedSince: ModSeq(99)),
                "A1 UID STORE 4 (UNCHANGEDSINCE 99) +FLAGS.SILENT (\\Flagged \\Seen)\r\n"),
        fixture(.uidStore(UIDSet([UID(4)]), StoreOperation(.replace, []), unchangedSince: nil), "A1 UID STORE 4 FLAGS ()\r\n"),
        fixture(.uidExpunge(UIDSet(rawRanges: [3...5])), "A1 UID EXPUNGE 3:5\r\n"),
        fixture(.expunge, "A1 EXPUNGE\r\n"),
        fixture(.uidCopy(UIDSet([UID(1)]), EncodedMailbox("Archive")), "A1 UID COPY 1 Archive\r\n"),
        fixture(.uidMove(UIDSet([UID(1)]), EncodedMailbox("Archive")), "A1 UID MOVE 1 Archive\r\n"),
        fixture(.unselect, "A1 UNSELECT\r\n"),
    ])
    func encode(_ fixture: EncodeFixture) {
        let encoded = fixture.command.encoded(tag: "A1", options: fixture.options)
        #expect(encoded.chunks.map { String(buffer: $0) } == fixture.chunks)
        #expect(encoded.tag == "A1")
    }

    @Test("redacted descriptions hold no credentials, mailbox names or search strings")
    func redaction() {
        let commands: [Command] = [
            .login(username: "alice", password: "hunter2"),
            .authenticate(mechanism: "PLAIN", initialResponse: Array("\0alice\0hunter2".utf8)),
            .select(EncodedMailbox("Private Stuff"), nil),
            .uidSearch(.subject("hunter2"), returnOptions: nil),
            .append(EncodedMailbox("Private Stuff"), flags: [], internalDate: nil, message: ByteBuffer(string: "hunter2")),
        ]
        for command in commands {
            let text = command.encoded(tag: "A1", options: .init()).redactedDescription
            #expect(!text.contains("hunter2") && !text.contains("alice") && !text.contains("Private"), "\(text)")
        }
        #expect(Command.saslResponse(Array("secret".utf8)).redactedDescription == "[SASL response]")
    }

    @Test("DONE and SASL lines are untagged")
    func untaggedLines() {
        #expect(String(buffer: Command.idleDone.joined) == "DONE\r\n")
        #expect(String(buffer: Command.saslResponse(Array("\0u\0p".utf8)).joined) == "AHUAcA==\r\n")
        #expect(String(buffer: Command.saslResponse([]).joined) == "\r\n")
        #expect(String(buffer: Command.saslResponse(nil).joined) == "*\r\n")
    }
}
