import IMAPProtocol
import MailModel
import Testing

@Suite("Modified UTF-7 and mailbox names")
struct ModifiedUTF7Tests {
    @Test(arguments: [
        ("INBOX", "INBOX"),
        ("Café", "Caf&AOk-"),
        ("日本語", "&ZeVnLIqe-"),
        ("A&B", "A&-B"),
        ("&", "&-"),
        ("~peter/mail/台北/日本語", "~peter/mail/&U,BTFw-/&ZeVnLIqe-"),
        ("Entwürfe", "Entw&APw-rfe"),
        ("😀 smile", "&2D3eAA- smile"),
        ("tab\there", "tab&AAk-here"),
        ("", ""),
    ])
    func roundTrip(_ decoded: String, _ encoded: String) {
        #expect(String(decoding: ModifiedUTF7.encode(decoded), as: UTF8.self) == encoded)
        #expect(ModifiedUTF7.decode(Array(encoded.utf8)) == decoded)
    }

    @Test("random strings survive a round trip")
    func randomRoundTrip() {
        var random = SplitMix64(seed: 42)
        let alphabet: [Character] = Array("abc &-/.é日本😀~\t,+") + ["\u{1}", "\u{7f}", "\u{ffff}"]
        for _ in 0..<500 {
            let text = String((0..<Int.random(in: 0...12, using: &random)).map { _ in alphabet.randomElement(using: &random)! })
            let encoded = ModifiedUTF7.encode(text)
            #expect(encoded.allSatisfy { $0 >= 0x20 && $0 <= 0x7E })
            #expect(ModifiedUTF7.decode(encoded) == text, "\(text)")
        }
    }

    @Test("invalid modified UTF-7 is refused", arguments: ["&", "&AOk", "&A-", "&AGE-", "&Jjo!-", "caf\u{e9}", "&2D0-"])
    func invalid(_ text: String) {
        #expect(ModifiedUTF7.decode(Array(text.utf8)) == nil)
    }

    @Test("wire names decode with the delimiter; UTF-8 and Latin-1 from servers that ignore the rules")
    func encodedMailbox() {
        #expect(EncodedMailbox("Archive.2024.Caf&AOk-").decoded(delimiter: UInt8(ascii: ".")) == MailboxName("Archive/2024/Café"))
        #expect(EncodedMailbox("a/b").decoded(delimiter: UInt8(ascii: "/")) == MailboxName("a/b"))
        #expect(EncodedMailbox("inbox").decoded(delimiter: nil) == .inbox)
        #expect(EncodedMailbox("INBOX.Sub").decoded(delimiter: UInt8(ascii: ".")) == MailboxName("INBOX/Sub"))
        #expect(EncodedMailbox(bytes: Array("Café".utf8)).decoded(delimiter: nil) == MailboxName("Café"))
        #expect(EncodedMailbox(bytes: [0x43, 0x61, 0x66, 0xE9]).decoded(delimiter: nil) == MailboxName("Café"))
        #expect(EncodedMailbox(MailboxName("Archive/Café"), delimiter: UInt8(ascii: ".")).bytes == Array("Archive.Caf&AOk-".utf8))
        #expect(EncodedMailbox(MailboxName("inbox"), delimiter: UInt8(ascii: ".")) == .inbox)
    }
}
