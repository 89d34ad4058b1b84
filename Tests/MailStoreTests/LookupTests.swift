import MailModel
import MailStore
import Testing

@Suite struct LookupTests {
    /// Two tiny messages whose ids share their first 8 hex digits, found once by a birthday search
    /// (`x51620` and `x73891`, both starting `05ffbb92`; bytes without LF hash to their id directly).
    private static func collidingPair() -> ([UInt8], [UInt8]) {
        (Array("x51620".utf8), Array("x73891".utf8))
    }

    @Test func resolvesFullIdsAndUniquePrefixesAndNamesAmbiguity() throws {
        let temp = try TemporaryFolder()
        let store = try MailStore.open(at: temp.archive)
        let (a, b) = Self.collidingPair()
        let (first, second, third) = try store.write { tx throws in
            (try tx.insertMessage(bytes: a, metadata: MessageMetadata(), sighting: nil),
             try tx.insertMessage(bytes: b, metadata: MessageMetadata(), sighting: nil),
             try tx.insert(SyntheticMail(), nil))
        }
        #expect(first.id.hex.prefix(8) == second.id.hex.prefix(8))
        try store.read { reader throws in
            #expect(try reader.resolve(first.id.hex).key == first.key)
            #expect(try reader.resolve(second.id.hex.uppercased()).key == second.key)
            #expect(try reader.resolve(String(third.id.hex.prefix(8))).key == third.key)
            // Nine digits tell the pair apart unless they share those too; 8 never do.
            let error = #expect(throws: AmbiguousMessageIDError.self) { try reader.resolve(String(first.id.hex.prefix(8))) }
            #expect(Set(error?.candidates ?? []) == [first.id, second.id])
            var unique = 9
            while first.id.hex.prefix(unique) == second.id.hex.prefix(unique) { unique += 1 }
            #expect(try reader.resolve(String(first.id.hex.prefix(unique))).key == first.key)
        }
    }

    @Test(arguments: ["", "1234567", "xyz12345", "123456789012345678901234567890123456789012345678901234567890123456"])
    func rejectsTextThatIsNotAnIdPrefix(_ text: String) throws {
        let temp = try TemporaryFolder()
        let store = try MailStore.open(at: temp.archive)
        try store.read { reader throws in
            #expect(throws: InvalidMessageIDError.self) { try reader.resolve(text) }
        }
    }

    @Test func unknownIdIsNotFound() throws {
        let temp = try TemporaryFolder()
        let store = try MailStore.open(at: temp.archive)
        let outcome = try store.write { tx in try tx.insert(SyntheticMail(), nil) }
        let flipped = (outcome.id.hex.first == "0" ? "1" : "0") + outcome.id.hex.dropFirst().prefix(9)
        try store.read { reader throws in
            let error = #expect(throws: MessageNotFoundError.self) { try reader.resolve(String(flipped)) }
            #expect(error?.description.contains(String(flipped)) == true)
        }
    }

    @Test func summariesOfManyMessagesComeInTheAskedOrder() throws {
        let temp = try TemporaryFolder()
        let store = try MailStore.open(at: temp.archive)
        let keys: [MessageKey] = try store.write { tx throws in
            try (0..<300).map { index in
                var mail = SyntheticMail()
                mail.messageID = "<m\(index)@example.org>"
                mail.subject = "Message \(index)"
                mail.to = [Address(name: "Bob", address: "bob@example.org"), Address(address: "carol@example.org")]
                var metadata = mail.metadata
                metadata.cc = index % 2 == 0 ? [Address(address: "dan@example.org")] : []
                metadata.attachments = index % 3 == 0
                    ? [AttachmentInfo(path: "2", filename: "q\(index).pdf", contentType: "application/pdf", size: 1000 + index)]
                    : []
                let outcome = try tx.insertMessage(bytes: mail.bytes, metadata: metadata,
                                                   sighting: .imap(UInt32(index + 1), flags: index % 5 == 0 ? [.seen] : []))
                if index % 4 == 0 { try tx.recordSighting(.imap(UInt32(index + 1), folder: "Archive"), of: outcome.key) }
                return outcome.key
            }
        }
        let asked = keys.reversed() + [MessageKey(999_999)]
        let summaries = try store.read { try $0.summaries(of: Array(asked)) }
        #expect(summaries.map(\.key) == Array(keys.reversed()))
        for summary in summaries {
            let index = Int(summary.subject!.split(separator: " ").last!)!
            #expect(summary.messageID == "m\(index)@example.org")
            #expect(summary.from == [SyntheticMail().from])
            #expect(summary.to.map(\.address) == ["bob@example.org", "carol@example.org"])
            #expect(summary.cc.count == (index % 2 == 0 ? 1 : 0))
            #expect(summary.attachments.map(\.filename) == (index % 3 == 0 ? ["q\(index).pdf"] : []))
            #expect(summary.folders.map(\.description) == (index % 4 == 0 ? ["work/Archive", "work/INBOX"] : ["work/INBOX"]))
            #expect(summary.flags == (index % 5 == 0 ? [.seen] : []))
            #expect(!summary.isExpunged)
            #expect(summary.date == SyntheticMail().date)
        }
    }
}
