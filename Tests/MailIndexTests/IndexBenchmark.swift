import Foundation
import MailIndex
import MailModel
import MailQuery
import Testing

/// Indexing speed, query latency and index size on synthetic mail. Off by default (it takes a
/// while); run it in a release build:
///
///     CAIRN_BENCH=20000 swift test -c release -Xswiftc -enable-testing --filter IndexBenchmark
///
/// CAIRN_BENCH_ROUTING=striped (or account, year) chooses the shard routing.
/// It prints a Markdown table; with CAIRN_BENCH_MAILDIR=DIR it also writes the same messages as a
/// Maildir, for `notmuch new` and `mu index` to be timed on the same text; with
/// CAIRN_BENCH_KEEP=DIR it keeps a copy of the index there.
@Suite("Index benchmark", .enabled(if: ProcessInfo.processInfo.environment["CAIRN_BENCH"] != nil))
struct IndexBenchmark {
    static let count = Int(ProcessInfo.processInfo.environment["CAIRN_BENCH"] ?? "") ?? 20_000

    @Test func indexAndSearch() async throws {
        let index = TemporaryIndex()
        var generator = SyntheticMail()
        let documents = (1...IndexBenchmark.count).map { generator.document(Int64($0)) }
        let mailBytes = documents.reduce(0) { $0 + Int($1.size) }
        let textBytes = documents.reduce(0) { $0 + $1.bodyText.utf8.count + $1.subject.utf8.count }
        if let maildir = ProcessInfo.processInfo.environment["CAIRN_BENCH_MAILDIR"] { try writeMaildir(documents, to: maildir) }

        // Index: term generation on two worker tasks, the writer committing batches of 2,000.
        let routing = ShardRouting(rawValue: ProcessInfo.processInfo.environment["CAIRN_BENCH_ROUTING"] ?? "") ?? .single
        let writer = try MailIndexWriter(configuration: index.configuration(routing: routing))
        let language = writer.language
        let clock = ContinuousClock()
        let batchSize = 2_000
        let started = clock.now
        let cpuStarted = IndexBenchmark.cpuSeconds()
        let batches = stride(from: 0, to: documents.count, by: batchSize).map { Array(documents[$0..<min($0 + batchSize, documents.count)]) }
        var buildSeconds = 0.0, writeSeconds = 0.0
        try await withThrowingTaskGroup(of: (Int, [PreparedDocument], Double).self) { group in
            var nextBatch = 0
            func build(_ number: Int) {
                let batch = batches[number]
                group.addTask {
                    let start = IndexBenchmark.threadCPUSeconds()
                    let builder = try DocumentBuilder(language: language)
                    let prepared = try batch.map(builder.build)
                    return (number, prepared, IndexBenchmark.threadCPUSeconds() - start)
                }
            }
            for _ in 0..<min(2, batches.count) { build(nextBatch); nextBatch += 1 }
            var ready: [Int: [PreparedDocument]] = [:]
            var written = 0
            while let (number, prepared, took) = try await group.next() {
                ready[number] = prepared
                buildSeconds += took
                if nextBatch < batches.count { build(nextBatch); nextBatch += 1 }
                while let batch = ready.removeValue(forKey: written) {
                    let start = IndexBenchmark.threadCPUSeconds()
                    try writer.add(batch)
                    writeSeconds += IndexBenchmark.threadCPUSeconds() - start
                    written += 1
                }
            }
        }
        let indexSeconds = IndexBenchmark.seconds(clock.now - started)
        let indexCPU = IndexBenchmark.cpuSeconds() - cpuStarted
        let uncompacted = directorySize(index.directory)
        let compactStart = clock.now
        try writer.compact()
        let compactSeconds = IndexBenchmark.seconds(clock.now - compactStart)
        let indexBytes = directorySize(index.directory)
        if let keep = ProcessInfo.processInfo.environment["CAIRN_BENCH_KEEP"] {
            try? FileManager.default.removeItem(atPath: keep)
            try FileManager.default.copyItem(atPath: index.directory, toPath: keep)
        }

        let reader = try MailIndexReader(directory: index.directory)
        #expect(try reader.documentCount() == documents.count)
        let queries = ["budget", "meeting report", "\"budget report\"", "from:\(generator.people[7].address)",
                       "from:\(generator.people[7].name!.split(separator: " ")[0])", "date:2023", "folder:INBOX flag:seen",
                       "ka*", "subject:invoice", "report -flag:seen", "size:>1M OR has:attachment", "*",
                       "привет OR 会議", "thread:t100"]
        var rows: [String] = []
        for text in queries {
            let query = try SearchQuery.parse(text, now: Timestamp(rawValue: 1_735_689_600))
            var searchTimes: [Double] = [], countTimes: [Double] = []
            var matches = 0
            for _ in 0..<15 {
                let searchStart = clock.now
                let parsed = try SearchQuery.parse(text, now: Timestamp(rawValue: 1_735_689_600))
                _ = try reader.search(parsed, order: .newest, limit: 50)
                searchTimes.append(IndexBenchmark.seconds(clock.now - searchStart))
                let countStart = clock.now
                matches = try reader.count(query)
                countTimes.append(IndexBenchmark.seconds(clock.now - countStart))
            }
            rows.append("| `\(text)` | \(matches) | \(ms(median(searchTimes))) | \(ms(median(countTimes))) |")
        }
        print("""

            ## MailIndex benchmark: \(documents.count) synthetic messages, \(routing.rawValue) routing

            | measure | value |
            | --- | --- |
            | index from scratch | \(String(format: "%.1f", indexSeconds)) s, \(Int(Double(documents.count) / indexSeconds)) messages/s, \(String(format: "%.1f", Double(textBytes) / indexSeconds / 1_048_576)) MB/s of text |
            | CPU time (user + system, all threads) | \(String(format: "%.1f", indexCPU)) s, \(Int(Double(documents.count) / indexCPU)) messages per CPU second |
            | of which CPU: building documents / writing | \(String(format: "%.1f", buildSeconds)) s / \(String(format: "%.1f", writeSeconds)) s |
            | compaction afterwards | \(String(format: "%.1f", compactSeconds)) s (\(mb(uncompacted)) MB before) |
            | mail size (headers, text, attachments) | \(mb(mailBytes)) MB |
            | text size (subject and body) | \(mb(textBytes)) MB |
            | index size | \(mb(indexBytes)) MB (\(Int(Double(indexBytes) * 100 / Double(mailBytes)))% of the mail, \(Int(Double(indexBytes) * 100 / Double(textBytes)))% of the text) |

            | query | matches | search, first 50, newest (ms, median of 15) | exact count (ms) |
            | --- | --- | --- | --- |
            \(rows.joined(separator: "\n"))

            """)
    }

    /// User and system CPU time of the process so far.
    static func cpuSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        func value(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
        return value(usage.ru_utime) + value(usage.ru_stime)
    }

    /// CPU time of the calling thread so far.
    static func threadCPUSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    private func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }
    private func ms(_ value: Double) -> String { String(format: "%.2f", value * 1000) }
    private func mb(_ bytes: Int) -> String { String(format: "%.1f", Double(bytes) / 1_048_576) }

    private func directorySize(_ path: String) -> Int {
        let enumerator = FileManager.default.enumerator(atPath: path)
        var total = 0
        while let file = enumerator?.nextObject() as? String {
            let attributes = try? FileManager.default.attributesOfItem(atPath: path + "/" + file)
            total += (attributes?[.size] as? Int) ?? 0
        }
        return total
    }

    /// The same messages as RFC 5322 files in a Maildir (text only; attachments as their names).
    private func writeMaildir(_ documents: [IndexDocument], to path: String) throws {
        for sub in ["cur", "new", "tmp"] {
            try FileManager.default.createDirectory(atPath: path + "/" + sub, withIntermediateDirectories: true)
        }
        for document in documents {
            let date = document.date.map { Date(timeIntervalSince1970: TimeInterval($0.rawValue)) } ?? Date()
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.timeZone = TimeZone(identifier: "UTC")
            formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss Z"
            func header(_ addresses: [Address]) -> String {
                addresses.map { "\"\($0.name ?? "")\" <\($0.address)>" }.joined(separator: ", ")
            }
            var text = "From: \(header(document.from))\r\nTo: \(header(document.to))\r\n"
            if !document.cc.isEmpty { text += "Cc: \(header(document.cc))\r\n" }
            text += "Subject: =?UTF-8?B?\(Data(document.subject.utf8).base64EncodedString())?=\r\n"
            text += "Date: \(formatter.string(from: date))\r\nMessage-ID: \(document.messageIDHeader ?? "")\r\n"
            if let list = document.listID { text += "List-Id: \(list)\r\n" }
            text += "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
            text += document.bodyText.replacingOccurrences(of: "\n", with: "\r\n") + "\r\n"
            let flags = document.state.flags.contains(.seen) ? "S" : ""
            try text.write(toFile: "\(path)/cur/\(document.rowID).bench:2,\(flags)", atomically: false, encoding: .utf8)
        }
    }
}
