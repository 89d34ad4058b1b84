import Foundation
import MailModel
import MailStore
import MIME
import NIOCore

/// Imports Maildirs, mboxes and `.eml` files into an archive through an ``IngestPipeline``:
/// messages are read in a stable order, each with its sighting (account, folder, Maildir flags,
/// delivery time), and an import audit entry closes the run.
///
/// ```swift
/// let importer = MailImporter(archive: archive)
/// let summary = try importer.run(ImportRequest(kind: .maildir, paths: ["~/Maildir"])) { result in ... }
/// ```
public struct MailImporter: Sendable {
    private let archive: MailArchive
    private let options: IngestOptions

    /// Size of each read from a file. 256 KiB.
    static let readSize = 256 * 1024

    /// An importer into a writable archive.
    public init(archive: MailArchive, options: IngestOptions = IngestOptions()) {
        self.archive = archive
        self.options = options
    }

    /// Runs an import: `plan` hears what was found before reading starts, `onResult` hears about
    /// every message (and every path that could not be read) in order, on the writer's thread.
    /// `shouldStop` is asked before each message: once it says yes, no more is read, and what was
    /// read is committed, recorded and indexed as after a complete run.
    public func run(_ request: ImportRequest, plan: (ImportPlan) -> Void = { _ in },
                    shouldStop: @escaping @Sendable () -> Bool = { false },
                    onResult: @escaping @Sendable (IngestResult) -> Void = { _ in }) throws -> IngestSummary {
        var sources = ImportSources(request: request)
        plan(sources.plan())
        let pipeline = try IngestPipeline(archive: archive, options: options, onResult: onResult)
        var reader = ChunkedFileReader(chunkSize: MailImporter.readSize)
        do {
            for problem in sources.problems {
                try pipeline.reportFailure(label: problem.path, reason: problem.reason)
            }
            do {
                try sources.forEachFile { file in
                    if shouldStop() { throw ImportStopped() }
                    try importFile(file, request: request, pipeline: pipeline, reader: &reader, shouldStop: shouldStop)
                }
            } catch is ImportStopped {
                // Stopped: what was read so far is committed below like a complete run.
            }
            let source: SourceKind = request.kind == .maildir ? .maildir : request.kind == .mbox ? .mbox : .eml
            let account = request.account, folder = request.folder
            try pipeline.perform { tx, summary in
                _ = try tx.appendAudit(.importRun(source: source, account: account, folder: folder, read: summary.read,
                                                  new: summary.new, existing: summary.existing, failed: summary.failed))
            }
        } catch {
            pipeline.cancel()
            _ = try? pipeline.finish()
            throw error
        }
        let summary = try pipeline.finish()
        try archive.makeIndexer().catchUp()
        // New messages that an active legal hold's query matches come under the hold.
        try archive.refreshHolds()
        return summary
    }

    private func importFile(_ file: ImportSources.File, request: ImportRequest, pipeline: IngestPipeline,
                            reader: inout ChunkedFileReader, shouldStop: () -> Bool) throws {
        switch file.kind {
        case .message(let flags, let internalDate):
            let sighting = Sighting(source: request.kind == .maildir ? .maildir : .eml, account: request.account,
                                    folder: MailboxName(file.folder), flags: Set(flags), internalDate: internalDate)
            let message = pipeline.newMessage(sighting: sighting, label: file.path, expectedSize: Int(file.size))
            do {
                try reader.read(file.path) { try message.append($0) }
            } catch {
                try pipeline.reportFailure(label: file.path, sighting: sighting, reason: String(describing: error))
                return
            }
            guard message.byteCount > 0 else {
                try pipeline.reportFailure(label: file.path, sighting: sighting, reason: "empty file, no message in it")
                return
            }
            try pipeline.submit(message)
        case .mbox:
            try importMbox(file, request: request, pipeline: pipeline, reader: &reader, shouldStop: shouldStop)
        }
    }

    private func importMbox(_ file: ImportSources.File, request: ImportRequest, pipeline: IngestPipeline,
                            reader: inout ChunkedFileReader, shouldStop: () -> Bool) throws {
        var mbox = MboxReader()
        var current: IncomingMessage?
        var number = 0
        let folder = MailboxName(file.folder)
        func drain() throws {
            while let event = mbox.next() {
                switch event {
                case .messageBegin(let envelope):
                    if shouldStop() { throw ImportStopped() }
                    number += 1
                    let sighting = Sighting(source: .mbox, account: request.account, folder: folder,
                                            internalDate: envelope?.date)
                    current = pipeline.newMessage(sighting: sighting, label: "\(file.path) (message \(number))")
                case .messageBytes(let bytes):
                    try current?.append(bytes)
                case .messageEnd:
                    guard let message = current else { continue }
                    current = nil
                    if message.byteCount == 0 {
                        try pipeline.reportFailure(label: message.label, sighting: message.sighting,
                                                   reason: "empty message, nothing to archive")
                    } else {
                        try pipeline.submit(message)
                    }
                }
            }
        }
        do {
            try reader.read(file.path) { chunk in
                mbox.feed(ByteBuffer(bytes: chunk))
                try drain()
            }
        } catch let error as ChunkedFileReader.Error {
            // What was read before the failure is submitted; the rest of the file is reported.
            mbox.finish()
            try drain()
            try pipeline.reportFailure(label: file.path, reason: error.description)
            return
        }
        mbox.finish()
        try drain()
    }
}

/// Thrown inside an import to stop reading (``MailImporter/run(_:plan:shouldStop:onResult:)``).
private struct ImportStopped: Error {}
