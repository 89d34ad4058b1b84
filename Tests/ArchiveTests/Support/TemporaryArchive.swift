import Archive
import Foundation
import MailModel
import MailQuery
import MailStore

/// A fresh archive folder for one test, opened for writing; removed when the value goes away.
final class TemporaryArchive {
    let root: URL
    let home: URL
    private(set) var archive: MailArchive

    init(options: MailArchive.Options = TemporaryArchive.defaultOptions) throws {
        var template = Array((NSTemporaryDirectory() + "cairn-engine-test-XXXXXX").utf8CString)
        guard let made = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else {
            throw CocoaError(.fileWriteUnknown)
        }
        root = URL(fileURLWithPath: String(cString: made))
        home = root.appendingPathComponent("archive")
        archive = try MailArchive.open(home: home, access: .readWrite, options: options)
    }

    /// Short lock waits and two workers, so tests are quick and parallel code runs.
    static var defaultOptions: MailArchive.Options {
        var options = MailArchive.Options()
        options.lockTimeout = .milliseconds(200)
        options.workerCount = 2
        return options
    }

    deinit {
        try? archive.close()
        try? FileManager.default.removeItem(at: root)
    }

    /// Closes and opens the archive again for writing (which runs the index catch-up).
    func reopen(options: MailArchive.Options = TemporaryArchive.defaultOptions) throws {
        try archive.close()
        archive = try MailArchive.open(home: home, access: .readWrite, options: options)
    }

    /// The ids of the messages that match a query, sorted.
    func ids(_ query: String) throws -> [String] {
        let parsed = try SearchQuery.parse(query, now: Timestamp(rawValue: 1_767_225_600))
        return try archive.makeSearcher().search(parsed).messages.map(\.id.hex).sorted()
    }

    /// Number of messages in the store.
    func messageCount() throws -> Int {
        try archive.store.read { try $0.messageCount() }
    }

    /// Number of messages whose index entry is missing or stale.
    func pendingIndexCount() throws -> Int {
        try archive.store.read { try $0.pendingIndexCount() }
    }

    /// Number of documents in the index.
    func documentCount() throws -> Int {
        try archive.makeSearcher().documentCount()
    }

    /// A pipeline into this archive whose results a new collector gathers.
    func collectingPipeline(_ options: IngestOptions = IngestOptions()) throws -> (IngestPipeline, ResultCollector) {
        let collector = ResultCollector()
        let pipeline = try IngestPipeline(archive: archive, options: options) { collector.add($0) }
        return (pipeline, collector)
    }

    /// Runs one pipeline over the given messages (bytes with a folder each) and returns the results.
    @discardableResult
    func ingest(_ messages: [(bytes: [UInt8], folder: String)], options: IngestOptions = IngestOptions()) throws
        -> (summary: IngestSummary, results: [IngestResult]) {
        let (pipeline, collector) = try collectingPipeline(options)
        for (number, message) in messages.enumerated() {
            try pipeline.submit(message.bytes, label: "message \(number)", folder: MailboxName(message.folder))
        }
        let summary = try pipeline.finish()
        return (summary, collector.results)
    }
}

extension IngestPipeline {
    /// Submits one message's bytes, seen by the `.eml` source in account "test".
    func submit(_ bytes: [UInt8], label: String, folder: MailboxName = .inbox) throws {
        let message = newMessage(sighting: Sighting(source: .eml, account: "test", folder: folder), label: label)
        try message.append(bytes)
        try submit(message)
    }
}

/// Collects pipeline results from the writer thread.
final class ResultCollector: @unchecked Sendable {
    // Safe: every access happens with `lock` held.
    private let lock = NSLock()
    private var collected: [IngestResult] = []

    func add(_ result: IngestResult) {
        lock.lock()
        collected.append(result)
        lock.unlock()
    }

    var results: [IngestResult] {
        lock.lock()
        defer { lock.unlock() }
        return collected
    }
}

/// Small messages for tests.
enum TestMail {
    /// A plain message with a subject, a sender and a body.
    static func message(subject: String, from: String = "Ann <ann@example.org>", body: String,
                        date: String = "Fri, 01 Mar 2024 09:30:00 +0000", messageID: String? = nil,
                        extraHeaders: String = "") -> [UInt8] {
        let id = messageID ?? "<\(subject.filter { $0.isLetter || $0.isNumber }).\(body.utf8.count)@test.example>"
        return Array("""
            From: \(from)\nTo: Bob <bob@example.org>\nSubject: \(subject)\nDate: \(date)\nMessage-ID: \(id)\n\(extraHeaders)\
            MIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\n\n\(body)\n
            """.utf8)
    }
}
