import TestSupport
import Archive
import Foundation
import MailModel
import MailStore
import Testing

@Suite("Ingest pipeline")
struct IngestPipelineTests {
    @Test("results leave in submission order, operations in their place, duplicates stored once")
    func ordering() throws {
        let test = try TemporaryArchive()
                var options = IngestOptions()
        options.batchMessages = 3
        let (pipeline, collector) = try test.collectingPipeline(options)
        let seenByOperation = LockedCounter()
        let mails = (0..<20).map { TestMail.message(subject: "number \($0)", body: "body of message \($0) zorblat\($0)") }
        for index in 0..<10 { try pipeline.submit(mails[index], label: "m\(index)") }
        try pipeline.perform { _, summary in
            for _ in 0..<summary.new { seenByOperation.increment() }
        }
        try pipeline.submit(mails[3], label: "again")
        for index in 10..<20 { try pipeline.submit(mails[index], label: "m\(index)") }
        let summary = try pipeline.finish()

        let results = collector.results
        #expect(results.map(\.sequence) == Array(0..<22))
        #expect(results.map(\.label) == (0..<10).map { "m\($0)" } + ["", "again"] + (10..<20).map { "m\($0)" })
        #expect(results[10].outcome == .operation)
        #expect(seenByOperation.value == 10, "the operation ran after the ten messages before it")
        if case .alreadyArchived(let ref) = results[11].outcome, case .archived(let first) = results[3].outcome {
            #expect(ref == first)
        } else {
            Issue.record("the second copy should be reported as already archived: \(results[11].outcome)")
        }
        #expect(summary.new == 20 && summary.existing == 1 && summary.read == 21 && summary.failed == 0)
        #expect(try test.messageCount() == 20)
        #expect(try test.pendingIndexCount() == 0)
        #expect(try test.documentCount() == 20)
        #expect(try test.ids("zorblat7").count == 1)
    }

    @Test("a slow writer slows the source: submissions wait while the pipeline is full")
    func backPressure() throws {
        let test = try TemporaryArchive()
        let gate = DispatchSemaphore(value: 0)
        var options = IngestOptions()
        options.batchMessages = 1
        options.maxInFlightMessages = 4
        options.indexCommitDocuments = 1
        let pipeline = try IngestPipeline(archive: test.archive, options: options) { result in
            if result.sequence == 0 { gate.wait() }
        }
        let submitted = LockedCounter()
        let producer = Thread {
            for index in 0..<40 {
                let message = pipeline.newMessage(sighting: Sighting(source: .eml, account: "t", folder: .inbox),
                                                  label: "\(index)")
                try? message.append(TestMail.message(subject: "s\(index)", body: "b\(index)"))
                try? pipeline.submit(message)
                submitted.increment()
            }
        }
        producer.start()
        Thread.sleep(forTimeInterval: 0.5)
        let whileBlocked = submitted.value
        // The index stage holds batch 0 (its callback blocks) and batch 1 in its queue, the store
        // writer batch 2; at most 4 more are in flight, and one more submission waits.
        #expect(whileBlocked <= 8, "the producer went on while the writer was blocked: \(whileBlocked)")
        #expect(whileBlocked >= 4)
        gate.signal()
        while submitted.value < 40 { Thread.sleep(forTimeInterval: 0.01) }
        let summary = try pipeline.finish()
        #expect(summary.new == 40)
    }

    @Test("bytes that are no mail message are archived as they are, and reported")
    func unreadable() throws {
        let test = try TemporaryArchive()
        var garbage: [UInt8] = (0..<3000).map { UInt8(truncatingIfNeeded: $0 &* 7919 &+ 13) }
        garbage[0] = 0
        let (summary, results) = try test.ingest([(garbage, "INBOX"), (TestMail.message(subject: "fine", body: "ok"), "INBOX")])
        #expect(summary.new == 2 && summary.unreadable == 1 && summary.failed == 0)
        #expect(results[0].isUnreadable && !results[1].isUnreadable)
        guard let ref = results[0].message else {
            Issue.record("the garbage was not archived")
            return
        }
        var stored: [UInt8] = []
        try test.archive.withRawBytes(of: ref.key) { stored.append(contentsOf: $0) }
        #expect(stored == garbage)
        #expect(try test.archive.details(of: ref.key).warnings.first?.contains("not a mail message") == true)
        #expect(try test.pendingIndexCount() == 0)
    }

    @Test("a message larger than the in-memory limit spills to disk and is stored exactly")
    func spilledMessage() throws {
        let test = try TemporaryArchive()
        var options = IngestOptions()
        options.spoolMemoryLimit = 1024
        let body = (0..<4000).map { "line \($0) of a long message flimbertoss\n" }.joined()
        let bytes = TestMail.message(subject: "big", body: body)
        let (summary, results) = try test.ingest([(bytes, "INBOX")], options: options)
        #expect(summary.new == 1)
        var stored: [UInt8] = []
        try test.archive.withRawBytes(of: results[0].message!.key) { stored.append(contentsOf: $0) }
        #expect(stored == bytes)
        #expect(try test.ids("flimbertoss").count == 1)
    }

    @Test("an async source submits with suspension, and finishes asynchronously")
    func asyncSource() async throws {
        let test = try TemporaryArchive()
        let pipeline = try IngestPipeline(archive: test.archive)
        for index in 0..<30 {
            let message = pipeline.newMessage(sighting: Sighting(source: .imap, account: "a", folder: .inbox,
                                                                 uidValidity: UIDValidity(5), uid: UID(UInt32(index + 1))),
                                              label: "uid \(index + 1)")
            try message.append(TestMail.message(subject: "async \(index)", body: "text \(index)"))
            try await pipeline.submit(message)
        }
        try await pipeline.perform(commit: true) { tx, summary in
            _ = try tx.appendAudit(AuditEvent(kind: AuditKind(rawValue: "test.checkpoint"),
                                              fields: ["new": .int(Int64(summary.new))]))
        }
        let summary = try await pipeline.finish()
        #expect(summary.new == 30)
        #expect(try test.messageCount() == 30)
    }

    @Test("a message seen again in another folder gains the folder in the index without being stored twice")
    func newSighting() throws {
        let test = try TemporaryArchive()
        let bytes = TestMail.message(subject: "twice", body: "glorptangle")
        try test.ingest([(bytes, "INBOX")])
        #expect(try test.ids("folder:Archive").isEmpty)
        let (summary, _) = try test.ingest([(bytes, "Archive")])
        #expect(summary.existing == 1 && summary.new == 0)
        #expect(try test.messageCount() == 1)
        #expect(try test.ids("folder:Archive glorptangle").count == 1)
        #expect(try test.pendingIndexCount() == 0)
    }

    @Test("one index commit covers many store batches; results wait for it")
    func sharedIndexCommits() throws {
        let test = try TemporaryArchive()
                var options = IngestOptions()
        options.batchMessages = 1
        options.indexCommitDocuments = 5
        options.indexCommitInterval = .seconds(3_600)
        let (pipeline, collector) = try test.collectingPipeline(options)
        for index in 0..<7 {
            try pipeline.submit(TestMail.message(subject: "shared \(index)", body: "quillwort \(index)"), label: "m\(index)")
        }
        // Seven store batches of one message: the fifth fills the index commit, the last two wait.
        #expect(waitUntil { collector.results.count >= 5 && (try? test.messageCount()) == 7 })
        Thread.sleep(forTimeInterval: 0.3)
        #expect(collector.results.map(\.label) == (0..<5).map { "m\($0)" })
        #expect(try test.documentCount() == 5, "staged documents are not visible before their commit")
        #expect(try test.pendingIndexCount() >= 2, "staged messages are not marked indexed before the commit")
        let summary = try pipeline.finish()
        #expect(summary.new == 7)
        #expect(collector.results.count == 7)
        #expect(try test.documentCount() == 7)
        #expect(try test.pendingIndexCount() == 0)
        #expect(try test.ids("quillwort").count == 7)
    }

    @Test("staged index changes are committed after the commit interval, while the source is still open")
    func indexCommitInterval() throws {
        let test = try TemporaryArchive()
                var options = IngestOptions()
        options.indexCommitDocuments = 1_000
        options.indexCommitInterval = .milliseconds(200)
        options.batchLatency = .milliseconds(50)
        let (pipeline, collector) = try test.collectingPipeline(options)
        try pipeline.submit(TestMail.message(subject: "lonely", body: "stitchwort"), label: "one")
        #expect(waitUntil { collector.results.count == 1 }, "the result came only when the pipeline finished")
        #expect(try test.ids("stitchwort").count == 1)
        _ = try pipeline.finish()
        #expect(try test.pendingIndexCount() == 0)
    }

    /// Polls `condition` every 20 ms for at most 10 seconds; whether it became true.
    private func waitUntil(_ condition: () -> Bool) -> Bool {
        for _ in 0..<500 {
            if condition() { return true }
            Thread.sleep(forTimeInterval: 0.02)
        }
        return condition()
    }
}
