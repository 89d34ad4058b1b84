import Foundation
import MailModel
import NIOCore
import Testing
import TestSupport
@testable import MIME

@Suite("mbox reader and writer")
struct MboxTests {
    struct Message: Equatable {
        var envelope: MboxEnvelope?
        var bytes: [UInt8]
    }

    static func read(_ data: [UInt8], _ chunking: Chunking = .whole, options: MboxReader.Options = .init()) -> [Message] {
        var reader = MboxReader(options: options)
        var messages: [Message] = []
        func drain() {
            while let event = reader.next() {
                switch event {
                case .messageBegin(let envelope): messages.append(Message(envelope: envelope, bytes: []))
                case .messageBytes(let bytes): messages[messages.count - 1].bytes.append(contentsOf: bytes.readableBytesView)
                case .messageEnd: break
                }
            }
        }
        for chunk in chunking.split(data) {
            reader.feed(chunk)
            drain()
        }
        reader.finish()
        drain()
        return messages
    }

    static let sample = """
        From ann@example.org Mon Jan  1 10:00:00 2024
        Subject: one

        Hello
        >From the start
        >>From deeper
        From this line, not a separator
        From ann@example.org Tue Jan  2 11:00:00 2024
        Subject: two (no blank line before this envelope)

        Body two

        From bob@example.org Wed Jan  3 12:00:00 2024
        Subject: three

        Last

        """

    @Test("messages, envelopes, mboxrd un-escaping, separators without blank lines", arguments: Chunking.allCases)
    func reading(_ chunking: Chunking) {
        let messages = Self.read(Array(Self.sample.utf8), chunking)
        #expect(messages.count == 3)
        #expect(messages.map { $0.envelope?.sender ?? "" } == ["ann@example.org", "ann@example.org", "bob@example.org"])
        #expect(messages[0].envelope?.date?.iso8601 == "2024-01-01T10:00:00Z")
        #expect(String(decoding: messages[0].bytes, as: UTF8.self)
            == "Subject: one\n\nHello\nFrom the start\n>From deeper\nFrom this line, not a separator\n")
        #expect(String(decoding: messages[1].bytes, as: UTF8.self) == "Subject: two (no blank line before this envelope)\n\nBody two\n")
        #expect(String(decoding: messages[2].bytes, as: UTF8.self) == "Subject: three\n\nLast\n")
    }

    @Test("mboxo un-escapes only one level; CRLF files split the same")
    func variants() {
        let mboxo = Self.read(Array(Self.sample.utf8), options: .init(variant: .mboxo))
        #expect(String(decoding: mboxo[0].bytes, as: UTF8.self).contains("\nFrom the start\n>>From deeper\n"))
        let crlf = Self.read(Array(Self.sample.replacingLineFeeds().utf8), .random1)
        #expect(crlf.count == 3)
        #expect(String(decoding: crlf[2].bytes, as: UTF8.self) == "Subject: three\r\n\r\nLast\r\n")
    }

    @Test("Content-Length keeps an envelope-like line inside its message")
    func contentLength() {
        let body = "Quoted mail:\n\nFrom carl@example.org Thu Jan  4 13:00:00 2024\nstill message one\n"
        let data = "From ann@example.org Mon Jan  1 10:00:00 2024\nContent-Length: \(body.utf8.count)\n\n\(body)\nFrom bob@example.org Wed Jan  3 12:00:00 2024\n\nsecond\n"
        for chunking in Chunking.allCases {
            let messages = Self.read(Array(data.utf8), chunking)
            #expect(messages.count == 2, "\(chunking)")
            let first = String(decoding: messages.first?.bytes ?? [], as: UTF8.self)
            #expect(first.hasSuffix("still message one\n"), "\(chunking)")
        }
        let wrong = data.replacingOccurrences(of: "Content-Length: \(body.utf8.count)", with: "Content-Length: 5")
        #expect(Self.read(Array(wrong.utf8)).count == 3)
    }

    @Test("a file without an envelope line is one message")
    func noEnvelope() {
        let messages = Self.read(Array("Subject: bare\n\nbody\n".utf8))
        #expect(messages == [Message(envelope: nil, bytes: Array("Subject: bare\n\nbody\n".utf8))])
    }

    @Test("writer and reader round-trip, in both variants and any chunking", arguments: [MboxVariant.mboxrd, .mboxo])
    func roundTrip(_ variant: MboxVariant) {
        let originals = [
            "Subject: a\n\nFrom me\n>From you\n>>From them\nend\n",
            "Subject: b\r\n\r\nCRLF body\r\nFrom x\r\n",
            "Subject: c\n\nno final newline",
            "Subject: d\n\n\n\nblank lines\n\n",
        ]
        var writer = MboxWriter(variant: variant)
        var file = ByteBuffer()
        for (index, original) in originals.enumerated() {
            file.writeImmutableBuffer(writer.beginMessage(sender: "ann@example.org", date: Timestamp(rawValue: 1_700_000_000 + Int64(index))))
            for chunk in Chunking.random3.split(Array(original.utf8)) { file.writeImmutableBuffer(writer.write(chunk)) }
            file.writeImmutableBuffer(writer.endMessage())
        }
        let messages = Self.read(file.bytes, .random2, options: .init(variant: variant))
        #expect(messages.count == originals.count)
        for (message, original) in zip(messages, originals) {
            let expected = original.utf8.last == 10 ? original : original + "\n"
            if variant == .mboxo && original.contains(">From") {
                continue  // mboxo cannot tell ">From" written by the sender from an escape
            }
            #expect(String(decoding: message.bytes, as: UTF8.self) == expected)
        }
        #expect(messages.first?.envelope?.date == Timestamp(rawValue: 1_700_000_000))
        #expect(String(decoding: writer.beginMessage(sender: "", date: Timestamp(rawValue: 0)).bytes, as: UTF8.self)
            == "From MAILER-DAEMON Thu Jan  1 00:00:00 1970\n")
    }

    /// The writer's escaping, line by line, as RFC 4155 and mboxrd describe it: the reference the
    /// streaming writer must match whatever the chunking.
    static func escapedByLine(_ body: [UInt8], variant: MboxVariant) -> [UInt8] {
        var out: [UInt8] = []
        var lineStart = 0
        while lineStart < body.count {
            let end = body[lineStart...].firstIndex(of: 10).map { $0 + 1 } ?? body.count
            let line = body[lineStart..<end]
            let quotes = variant == .mboxrd ? line.prefix(while: { $0 == UInt8(ascii: ">") }).count : 0
            if line.dropFirst(quotes).starts(with: Array("From ".utf8)) { out.append(UInt8(ascii: ">")) }
            out += line
            lineStart = end
        }
        if out.last != 10 { out.append(10) }
        return out + [10]
    }

    @Test("the writer escapes exactly the lines the line-by-line reference does, in any chunking",
          arguments: [MboxVariant.mboxrd, .mboxo], Chunking.allCases)
    func writerMatchesTheReference(_ variant: MboxVariant, _ chunking: Chunking) {
        let pieces = ["From a", ">From b", ">>From c", "From", "Fro", "F", ">", ">>", "", "text From x",
                      " From y", "From  z", ">F", "FFrom q", "x\rFrom r"]
        var generator = SeededGenerator(seed: 41)
        for _ in 0..<20 {
            var body: [UInt8] = []
            for _ in 0..<Int.random(in: 1...40, using: &generator) {
                body += Array(pieces.randomElement(using: &generator)!.utf8)
                body += Bool.random(using: &generator) ? [13, 10] : [10]
            }
            if Bool.random(using: &generator) { body.removeLast() }
            var writer = MboxWriter(variant: variant)
            _ = writer.beginMessage(sender: "a@b", date: Timestamp(rawValue: 0))
            var written = ByteBuffer()
            for chunk in chunking.split(body) { written.writeImmutableBuffer(writer.write(chunk)) }
            written.writeImmutableBuffer(writer.endMessage())
            #expect(written.bytes == Self.escapedByLine(body, variant: variant))
        }
    }

    @Test("a line of a million `>` costs linear time, and is escaped when `From ` follows",
          .timeLimit(.minutes(1)), arguments: [false, true])
    func longQuoteRuns(_ from: Bool) {
        let body = [UInt8](repeating: UInt8(ascii: ">"), count: 1_000_000) + Array((from ? "From x\n" : "x\n").utf8)
        var writer = MboxWriter(variant: .mboxrd)
        var written = ByteBuffer()
        for chunk in Chunking.random1.split(body) { written.writeImmutableBuffer(writer.write(chunk)) }
        written.writeImmutableBuffer(writer.endMessage())
        #expect(written.bytes == Self.escapedByLine(body, variant: .mboxrd))
    }

    /// The number of messages in each mbox of the shared corpus (its README's counts).
    static let corpusCounts: [String: Int] = [
        "spamassassin-mbox-01.mbox": 3, "mboxparser-mbox-01.mbox": 1, "mboxparser-mbox-02.mbox": 1,
        "mboxparser-mbox-03.mbox": 8, "mboxparser-mbox-04.mbox": 16, "mboxparser-mbox-05.mbox": 16,
        "mboxparser-mbox-06.mbox": 5, "mboxparser-mbox-07.mbox": 17, "mboxparser-mbox-08.mbox": 3,
        "mboxparser-mbox-09.mbox": 54, "mboxparser-mbox-10.mbox": 1, "mboxparser-mbox-11.mbox": 4,
        "mboxparser-mbox-12.mbox": 2, "mboxparser-mbox-13.mbox": 1, "mairix-mbox-01.mbox": 2,
        "bogofilter-mbox-01.mbox": 48, "bogofilter-mbox-02.mbox": 21, "rdevel-mbox-01.mbox": 276,
    ]

    @Test("every mbox of the shared corpus splits into its messages, the same in any chunking")
    func corpus() throws {
        guard let corpus = Fixtures.sharedCorpus else {
            print("skipped: the shared corpus (../shared/corpus or $CAIRN_SHARED_CORPUS) is absent")
            return
        }
        for (name, count) in Self.corpusCounts.sorted(by: { $0.key < $1.key }) {
            let data = Array(try Data(contentsOf: corpus.appendingPathComponent(name)))
            let messages = Self.read(data, .random1)
            #expect(messages.count == count, "\(name)")
            #expect(messages.allSatisfy { $0.envelope != nil }, "\(name)")
            #expect(Self.read(data, .whole) == messages, "\(name)")
            // Written back and read again, the messages are unchanged.
            var writer = MboxWriter(variant: .mboxrd)
            var file = ByteBuffer()
            for message in messages {
                file.writeImmutableBuffer(writer.beginMessage(sender: message.envelope?.sender ?? "", date: message.envelope?.date ?? Timestamp(rawValue: 0)))
                file.writeImmutableBuffer(writer.write(ByteBuffer(bytes: message.bytes)))
                file.writeImmutableBuffer(writer.endMessage())
            }
            let again = Self.read(file.bytes)
            #expect(again.map(\.bytes) == messages.map { $0.bytes.last == 10 || $0.bytes.isEmpty ? $0.bytes : $0.bytes + [10] }, "\(name)")
        }
    }
}
