import Dispatch
import Foundation
import MailModel
import MailStore
import Synchronization
import Testing

/// Throughput figures for the store (not a correctness test): run with `CAIRN_STORE_BENCH=1` (and
/// `CAIRN_STORE_BENCH_COUNT=N`, default 20000), preferably on a release build:
/// `swift build -c release --build-tests && CAIRN_STORE_BENCH=1 swift test -c release --skip-build
/// --disable-xctest --filter StoreBenchmarkTests`.
@Suite(.serialized) struct StoreBenchmarkTests {
    static let enabled = ProcessInfo.processInfo.environment["CAIRN_STORE_BENCH"] != nil
    static let count = Int(ProcessInfo.processInfo.environment["CAIRN_STORE_BENCH_COUNT"] ?? "") ?? 20_000
    static let batch = 500

    /// A corpus like real mail: mostly text of a few KB, some with base64 attachments, a few large.
    struct Corpus {
        private var random = PseudoRandomBytes(seed: 2024)

        mutating func message(_ index: Int) -> (bytes: [UInt8], metadata: MessageMetadata) {
            var mail = SyntheticMail()
            mail.messageID = "<bench\(index)@example.org>"
            mail.subject = "Report \(index % 997) for week \(index % 52)"
            mail.date = Timestamp(rawValue: 1_600_000_000 + Int64(index) * 600)
            if index % 3 == 1 { mail.references = ["<bench\(index - 1)@example.org>"] }
            let roll = index % 20
            var text = random.text(2_000 + Int(random.next(2).withUnsafeBytes { $0.load(as: UInt16.self) }) % 28_000)
            var attachments: [AttachmentInfo] = []
            if roll >= 17 {
                let size = roll == 19 ? 1_000_000 + index % 3_000_000 : 40_000 + index % 400_000
                let encoded = Data(random.next(size)).base64EncodedString(options: .lineLength76Characters)
                text += Array("\r\n--b\r\nContent-Type: application/pdf\r\nContent-Transfer-Encoding: base64\r\n\r\n".utf8)
                text += Array(encoded.utf8)
                attachments = [AttachmentInfo(path: "2", filename: "doc\(index).pdf", contentType: "application/pdf", size: size)]
            }
            mail.body = String(decoding: text, as: UTF8.self)
            var metadata = mail.metadata
            metadata.attachments = attachments
            return (mail.bytes, metadata)
        }
    }

    private static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    private static func line(_ label: String, _ values: String) {
        print("BENCH " + label.padding(toLength: 44, withPad: " ", startingAt: 0) + values)
    }

    /// Stores the corpus in batches and returns (seconds, bytes, stored bytes, keys). The seconds are
    /// those of the write transactions, and with `prepared` also of hashing and compressing the batch
    /// beforehand on two threads.
    private static func fill(_ store: MailStore, count: Int, prepared: Bool = false) throws -> (Double, Int64, Int64, [MessageKey]) {
        var corpus = Corpus()
        var elapsed = 0.0
        var bytes: Int64 = 0
        var keys: [MessageKey] = []
        let clock = ContinuousClock()
        var next = 0
        while next < count {
            let messages = (next..<min(count, next + batch)).map { corpus.message($0) }
            next += messages.count
            let start = clock.now
            let first = keys.count
            let outcomes: [InsertOutcome]
            if prepared {
                let ready = Mutex<[Int: PreparedMessage]>([:])
                DispatchQueue.concurrentPerform(iterations: 2) { worker in
                    let preparer = MessagePreparer(options: store.options)
                    for index in stride(from: worker, to: messages.count, by: 2) {
                        let message = preparer.prepare(messages[index].bytes)
                        ready.withLock { $0[index] = message }
                    }
                }
                let all = ready.withLock { $0 }
                outcomes = try store.write { tx throws in
                    try messages.indices.map { offset in
                        try tx.insertMessage(prepared: all[offset]!, metadata: messages[offset].metadata,
                                             sighting: .imap(UInt32(first + offset + 1)))
                    }
                }
            } else {
                outcomes = try store.write { tx throws in
                    try messages.enumerated().map { offset, message in
                        try tx.insertMessage(bytes: message.bytes, metadata: message.metadata,
                                             sighting: .imap(UInt32(first + offset + 1)))
                    }
                }
            }
            elapsed += seconds(clock.now - start)
            bytes += Int64(messages.map(\.bytes.count).reduce(0, +))
            keys += outcomes.map(\.key)
        }
        let stored = try store.read { try $0.stats().storedBytes }
        return (elapsed, bytes, stored, keys)
    }

    @Test(.enabled(if: enabled), arguments: [Int32(0), 1, 3, 6])
    func insertThroughputByCompressionLevel(level: Int32) throws {
        let temp = try TemporaryFolder()
        var options = MailStore.Options()
        options.compressionLevel = level
        let store = try MailStore.open(at: temp.archive, options)
        let (elapsed, bytes, stored, keys) = try Self.fill(store, count: Self.count)
        let megabytes = Double(bytes) / 1_048_576
        Self.line("insert level \(level), \(keys.count) msgs, \(Int(megabytes)) MB",
                  String(format: "%8.0f msg/s %7.1f MB/s  stored %.1f%% of raw", Double(keys.count) / elapsed,
                         megabytes / elapsed, 100 * Double(stored) / Double(bytes)))
        let clock = ContinuousClock()
        var start = clock.now
        var readBytes: Int64 = 0
        try store.read { reader throws in
            for key in keys { try reader.withRawBytes(of: key) { readBytes += Int64($0.count) } }
        }
        let read = Self.seconds(clock.now - start)
        Self.line("  read all bytes back", String(format: "%8.0f msg/s %7.1f MB/s", Double(keys.count) / read,
                                                   Double(readBytes) / 1_048_576 / read))
        for parallelism in [1, 2] {
            start = clock.now
            let verification = try store.verifyMessages(parallelism: parallelism)
            let verify = Self.seconds(clock.now - start)
            #expect(verification.isIntact)
            Self.line("  verify, \(parallelism) thread(s)", String(format: "%8.0f msg/s %7.1f MB/s  = %.2f x one read",
                                                               Double(keys.count) / verify,
                                                               Double(verification.bytes) / 1_048_576 / verify, verify / read))
        }
        guard level == 1 else { return }
        let parallel = try TemporaryFolder()
        let other = try MailStore.open(at: parallel.archive, options)
        let (parallelElapsed, parallelBytes, _, parallelKeys) = try Self.fill(other, count: Self.count, prepared: true)
        Self.line("  insert prepared on 2 threads", String(format: "%8.0f msg/s %7.1f MB/s",
                                                             Double(parallelKeys.count) / parallelElapsed,
                                                             Double(parallelBytes) / 1_048_576 / parallelElapsed))
        try other.close()
        start = clock.now
        let again = try store.write { tx throws in
            var corpus = Corpus()
            return try (0..<min(keys.count, 2_000)).map { index in
                let message = corpus.message(index)
                return try tx.insertMessage(bytes: message.bytes, metadata: message.metadata,
                                            sighting: .imap(UInt32(index + 1)))
            }
        }
        Self.line("  re-insert 2000 archived (incl. generation)", String(format: "%8.0f msg/s",
                                                                          Double(again.count) / Self.seconds(clock.now - start)))
        #expect(again.allSatisfy { !$0.isNew })
        let some = Array(keys.shuffled().prefix(5_000))
        start = clock.now
        let summaries = try store.read { try $0.summaries(of: some) }
        Self.line("  summaries of 5000 random messages", String(format: "%8.1f ms", Self.seconds(clock.now - start) * 1000))
        #expect(summaries.count == some.count)
        let ids = try store.read { reader throws in try some.prefix(1000).map { try reader.messageID(of: $0) } }
        start = clock.now
        try store.read { reader throws in for id in ids { _ = try reader.resolve(String(id.hex.prefix(10))) } }
        Self.line("  resolve 1000 id prefixes", String(format: "%8.1f ms", Self.seconds(clock.now - start) * 1000))
        start = clock.now
        let stats = try store.read { try $0.stats() }
        Self.line("  stats", String(format: "%8.1f ms (%d folders)", Self.seconds(clock.now - start) * 1000, stats.folders.count))
        start = clock.now
        let chain = try store.read { try $0.verifyAuditChain() }
        Self.line("  verify audit chain of \(chain.entries) entries", String(format: "%8.1f ms", Self.seconds(clock.now - start) * 1000))
    }
}
