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
    /// `CAIRN_STORE_BENCH_TEXT_ONLY=1`: text messages of 2 to 30 KB only (per-message costs).
    static let textOnly = ProcessInfo.processInfo.environment["CAIRN_STORE_BENCH_TEXT_ONLY"] != nil
    /// The zlib levels to measure (`CAIRN_STORE_BENCH_LEVELS=0,1`), default 0, 1, 3 and 6.
    static let levels: [Int32] = (ProcessInfo.processInfo.environment["CAIRN_STORE_BENCH_LEVELS"] ?? "0,1,3,6")
        .split(separator: ",").compactMap { Int32($0) }

    /// A corpus like real mail: mostly text of a few KB, some with base64 attachments (40 to 440 KB),
    /// a few large (1 to 4 MB); 86 KB on average.
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
            if roll >= 17, !StoreBenchmarkTests.textOnly {
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

    /// CPU seconds (user + system, all threads) this process has used: on a machine shared with other
    /// work, rates per CPU second are steadier than rates per wall second.
    static func cpuSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
            + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
    }

    /// Times `body`: wall seconds and CPU seconds.
    static func measure<T>(_ body: () throws -> T) rethrows -> (T, wall: Double, cpu: Double) {
        let clock = ContinuousClock()
        let start = clock.now
        let cpu = cpuSeconds()
        let result = try body()
        return (result, seconds(clock.now - start), cpuSeconds() - cpu)
    }

    /// "N msg/s  M MB/s" per wall second and per CPU second.
    static func rates(messages: Int, bytes: Int64, wall: Double, cpu: Double) -> String {
        let megabytes = Double(bytes) / 1_048_576
        return String(format: "wall %7.0f msg/s %7.1f MB/s | cpu %7.0f msg/s %7.1f MB/s", Double(messages) / wall,
                      megabytes / wall, Double(messages) / cpu, megabytes / cpu)
    }

    private static func line(_ label: String, _ values: String) {
        print("BENCH " + label.padding(toLength: 44, withPad: " ", startingAt: 0) + values)
    }

    /// Stores the corpus in batches and returns (seconds, bytes, stored bytes, keys). The seconds are
    /// those of the write transactions, and with `prepared` also of hashing and compressing the batch
    /// beforehand on two threads.
    private static func fill(_ store: MailStore, count: Int, prepared: Bool = false)
        throws -> (wall: Double, cpu: Double, bytes: Int64, stored: Int64, keys: [MessageKey]) {
        var corpus = Corpus()
        var elapsed = 0.0
        var cpu = 0.0
        var bytes: Int64 = 0
        var keys: [MessageKey] = []
        let clock = ContinuousClock()
        var next = 0
        while next < count {
            let messages = (next..<min(count, next + batch)).map { corpus.message($0) }
            next += messages.count
            let start = clock.now
            let startCPU = cpuSeconds()
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
            cpu += cpuSeconds() - startCPU
            bytes += Int64(messages.map(\.bytes.count).reduce(0, +))
            keys += outcomes.map(\.key)
        }
        let stored = try store.read { try $0.stats().storedBytes }
        return (elapsed, cpu, bytes, stored, keys)
    }

    @Test(.enabled(if: enabled), arguments: levels)
    func insertThroughputByCompressionLevel(level: Int32) throws {
        let temp = try TemporaryFolder()
        var options = MailStore.Options()
        options.compressionLevel = level
        if let pageSize = Int(ProcessInfo.processInfo.environment["CAIRN_STORE_BENCH_PAGE_SIZE"] ?? "") {
            options.pageSize = pageSize
        }
        let store = try MailStore.open(at: temp.archive, options)
        let filled = try Self.fill(store, count: Self.count)
        let keys = filled.keys
        Self.line("insert level \(level), \(keys.count) msgs, \(filled.bytes >> 20) MB",
                  Self.rates(messages: keys.count, bytes: filled.bytes, wall: filled.wall, cpu: filled.cpu)
                      + String(format: "  stored %.1f%%", 100 * Double(filled.stored) / Double(filled.bytes)))
        var readBytes: Int64 = 0
        let read = try Self.measure {
            try store.read { reader throws in
                for key in keys { try reader.withRawBytes(of: key) { readBytes += Int64($0.count) } }
            }
        }
        Self.line("  read all bytes back", Self.rates(messages: keys.count, bytes: readBytes, wall: read.wall, cpu: read.cpu))
        for parallelism in [1, 2] {
            let verify = try Self.measure { try store.verifyMessages(parallelism: parallelism) }
            #expect(verify.0.isIntact)
            Self.line("  verify, \(parallelism) thread(s)", Self.rates(messages: keys.count, bytes: verify.0.bytes, wall: verify.wall,
                                                                    cpu: verify.cpu)
                          + String(format: "  = %.2f x one read (wall)", verify.wall / read.wall))
        }
        guard level == 1 else { return }
        let parallel = try TemporaryFolder()
        let other = try MailStore.open(at: parallel.archive, options)
        let prepared = try Self.fill(other, count: Self.count, prepared: true)
        Self.line("  insert prepared on 2 threads", Self.rates(messages: prepared.keys.count, bytes: prepared.bytes,
                                                                 wall: prepared.wall, cpu: prepared.cpu))
        try other.close()
        let again = try Self.measure {
            try store.write { tx throws in
                var corpus = Corpus()
                return try (0..<min(keys.count, 2_000)).map { index in
                    let message = corpus.message(index)
                    return try tx.insertMessage(bytes: message.bytes, metadata: message.metadata,
                                                sighting: .imap(UInt32(index + 1)))
                }
            }
        }
        Self.line("  re-insert 2000 archived (incl. generation)", String(format: "wall %7.0f msg/s", Double(again.0.count) / again.wall))
        #expect(again.0.allSatisfy { !$0.isNew })
        let some = Array(keys.shuffled().prefix(5_000))
        let summaries = try Self.measure { try store.read { try $0.summaries(of: some) } }
        Self.line("  summaries of 5000 random messages", String(format: "%8.1f ms wall %8.1f ms cpu", summaries.wall * 1000, summaries.cpu * 1000))
        #expect(summaries.0.count == some.count)
        let ids = try store.read { reader throws in try some.prefix(1000).map { try reader.messageID(of: $0) } }
        let resolve = try Self.measure {
            try store.read { reader throws in for id in ids { _ = try reader.resolve(String(id.hex.prefix(10))) } }
        }
        Self.line("  resolve 1000 id prefixes", String(format: "%8.1f ms wall %8.1f ms cpu", resolve.wall * 1000, resolve.cpu * 1000))
        let stats = try Self.measure { try store.read { try $0.stats() } }
        Self.line("  stats", String(format: "%8.1f ms wall %8.1f ms cpu", stats.wall * 1000, stats.cpu * 1000))
        let chain = try Self.measure { try store.read { try $0.verifyAuditChain() } }
        Self.line("  verify audit chain of \(chain.0.entries) entries", String(format: "%8.1f ms wall %8.1f ms cpu", chain.wall * 1000, chain.cpu * 1000))
    }
}

extension StoreBenchmarkTests {
    /// Hashing plus compressing (what `MessagePreparer` does) by kind of content, 32 MB each.
    @Test(.enabled(if: enabled), arguments: levels)
    func preparingSpeedByContent(level: Int32) throws {
        var random = PseudoRandomBytes(seed: 11)
        let size = 32 << 20
        let contents: [(String, [UInt8])] = [
            ("text", random.text(size)),
            ("base64", Array(Data(random.next(size * 3 / 4)).base64EncodedString(options: .lineLength76Characters).utf8)),
            ("random binary", random.next(size)),
        ]
        var options = MailStore.Options()
        options.compressionLevel = level
        let preparer = MessagePreparer(options: options)
        for (name, bytes) in contents {
            let prepared = Self.measure { preparer.prepare(bytes) }
            Self.line("prepare level \(level), \(name)", Self.rates(messages: 1, bytes: Int64(bytes.count), wall: prepared.wall,
                                                                   cpu: prepared.cpu)
                          + String(format: "  stored %.1f%%", 100 * Double(prepared.0.storedSize) / Double(bytes.count)))
        }
    }
}

extension StoreBenchmarkTests {
    /// Result-list lookups: summaries of 5,000 of 20,000 messages, repeated.
    @Test(.enabled(if: enabled))
    func summariesSpeed() throws {
        let temp = try TemporaryFolder()
        var options = MailStore.Options()
        options.compressionLevel = 0
        let store = try MailStore.open(at: temp.archive, options)
        let keys: [MessageKey] = try store.write { tx throws in
            try (0..<20_000).map { index in
                var mail = SyntheticMail()
                mail.messageID = "<s\(index)@example.org>"
                mail.subject = "Subject \(index)"
                mail.to = [Address(name: "Bob", address: "bob@example.org"), Address(address: "carol\(index % 50)@example.org")]
                var metadata = mail.metadata
                metadata.attachments = index % 4 == 0 ? [AttachmentInfo(path: "2", filename: "a.pdf", contentType: "application/pdf", size: 10)] : []
                let outcome = try tx.insertMessage(bytes: mail.bytes, metadata: metadata,
                                                   sighting: .imap(UInt32(index + 1), flags: index % 3 == 0 ? [.seen] : []))
                if index % 5 == 0 { try tx.recordSighting(.imap(UInt32(index + 1), folder: "Archive"), of: outcome.key) }
                return outcome.key
            }
        }
        let some = Array(keys.shuffled().prefix(5_000))
        for round in 0..<3 {
            let result = try Self.measure { try store.read { try $0.summaries(of: some) } }
            #expect(result.0.count == some.count)
            Self.line("summaries of 5000 of 20000, round \(round)",
                      String(format: "%8.1f ms wall %8.1f ms cpu", result.wall * 1000, result.cpu * 1000))
        }
    }
}
