import IMAPProtocol
import MailModel
import NIOCore
import Testing

@Suite("Identifier sets, Base64, dates")
struct SupportTypesTests {
    @Test("sets merge, sort and print compactly")
    func identifierSets() {
        var set = UIDSet(rawRanges: [9...12, 1...3, 4...4, 20...20])
        #expect(set.description == "1:4,9:12,20")
        set.insert(UID(13))
        set.insert(5...8)
        #expect(set.description == "1:13,20")
        #expect(set.count == 14)
        #expect(set.contains(UID(7)) && !set.contains(UID(14)) && set.contains(UID(20)))
        #expect(set.first == UID(1) && set.last == UID(20))
        #expect(UIDSet.all.description == "1:*")
        #expect(UIDSet(rawRanges: [UInt32.max...UInt32.max, 5...5]).description == "5,*")
        #expect(UIDSet().isEmpty && UIDSet().description.isEmpty)
        #expect(Array(UIDSet(rawRanges: [2...4]).elements) == [UID(2), UID(3), UID(4)])
    }

    @Test("a set printed and parsed back (as a response code) is the same set")
    func setRoundTrip() {
        var random = SplitMix64(seed: 7)
        for _ in 0..<200 {
            var set = UIDSet()
            for _ in 0..<Int.random(in: 1...10, using: &random) {
                let low = UInt32.random(in: 1...1000, using: &random)
                set.insert(low...(low + UInt32.random(in: 0...20, using: &random)))
            }
            let outcome = ParseHarness.run("* OK [APPENDUID 1 \(set)] done\r\n", chunkSizes: [3])
            #expect(outcome == .events([.untagged(.ok(ResponseText(code: .appendUID(UIDValidity(1), set), text: "done")))], leftover: ""))
        }
    }

    @Test("Base64 encodes and decodes", arguments: [("", ""), ("f", "Zg=="), ("fo", "Zm8="), ("foo", "Zm9v"), ("\0alice\0s3cret", "AGFsaWNlAHMzY3JldA==")])
    func base64(_ plain: String, _ encoded: String) {
        #expect(Base64.encode(Array(plain.utf8)) == encoded)
        #expect(Base64.decode(encoded) == Array(plain.utf8))
    }

    @Test func base64Invalid() {
        #expect(Base64.decode("Zm9v!") == nil)
        #expect(Base64.decode("Zg==Zg") == nil)
    }

    @Test("dates print as SEARCH wants them, and APPEND dates parse back as INTERNALDATE")
    func dates() {
        #expect(IMAPDate(year: 2024, month: 2, day: 29)?.description == "29-Feb-2024")
        #expect(IMAPDate(year: 2023, month: 2, day: 29) == nil)
        #expect(IMAPDate(year: 2024, month: 13, day: 1) == nil)
        let time = Timestamp(year: 1999, month: 12, day: 31, hour: 23, minute: 59, second: 58)!
        let text = IMAPDate.dateTime(time)
        #expect(text == "\"31-Dec-1999 23:59:58 +0000\"")
        let outcome = ParseHarness.run("* 1 FETCH (INTERNALDATE \(text))\r\n")
        #expect(outcome == .events([.fetch(.start(SequenceNumber(1))), .fetch(.attribute(.internalDate(time))), .fetch(.finish)], leftover: ""))
    }
}
