import Foundation
import IMAPProtocol
import MIME
import MailModel
import MailStore
import NIOCore

/// Writes archived messages out as an mbox, a Maildir++ tree or `.eml` files, streaming each
/// message from the store chunk by chunk (flat memory however large the export), with a manifest
/// of every message's and every file's SHA-256 and an audit entry.
public struct Exporter {
    /// What an export did.
    public struct Report: Sendable {
        /// Messages written.
        public var count: Int
        /// Bytes of the messages as archived.
        public var bytes: Int64
        /// The manifest.
        public var manifest: ExportManifest
        /// SHA-256 of the manifest's JSON (recorded in the audit trail).
        public var manifestSHA256: SHA256Digest
    }

    private let store: MailStore
    private let generator: String
    private let clock: @Sendable () -> Timestamp

    /// An exporter reading from `store`; `generator` (e.g. `cairn 0.1.0`) goes into manifests.
    public init(store: MailStore, generator: String,
                clock: @escaping @Sendable () -> Timestamp = { Timestamp(rawValue: Int64(time(nil))) }) {
        self.store = store
        self.generator = generator
        self.clock = clock
    }

    /// Exports the messages `keys`, in that order, to `target`; writes the manifest to
    /// `manifestPath` when given and records the export in the audit trail (which needs the writer
    /// lock, taken only for that last step). `progress` gets (messages done, bytes done).
    public func export(_ keys: [MessageKey], query: String, to target: ExportTarget, manifestPath: String?,
                       progress: (Int, Int64) -> Void = { _, _ in }) throws -> Report {
        var prefixAccounts = false
        if case .maildir = target {
            prefixAccounts = try accounts(of: keys).count > 1
        }
        var sink = try ExportSink(target: target, prefixAccounts: prefixAccounts)
        var messages: [ExportManifest.Message] = []
        var bytes: Int64 = 0
        let batchSize = 256
        var start = 0
        while start < keys.count {
            let batch = Array(keys[start..<min(keys.count, start + batchSize)])
            start += batch.count
            try store.read { reader in
                for summary in try reader.summaries(of: batch) {
                    let written = try sink.write(summary) { body in try reader.withRawBytes(of: summary.key, body) }
                    messages.append(ExportManifest.Message(
                        id: summary.id.hex, sha256: summary.rawSHA256.hex, size: summary.size,
                        messageID: summary.messageID, files: written.files, mboxOffset: written.mboxOffset,
                        mboxAddedFinalNewline: written.addedNewline ? true : nil))
                    bytes += Int64(summary.size)
                    progress(messages.count, bytes)
                }
            }
        }
        let files = try sink.finish()
        let manifest = ExportManifest(
            generator: generator, created: clock().iso8601, query: query,
            format: target.formatName, mboxVariant: target.mboxVariant?.rawValue, root: sink.root,
            count: messages.count, messages: messages, files: files)
        let data = try manifest.jsonData()
        let digest = SHA256.hash(data)
        if let manifestPath {
            let file = try ExportFile(path: manifestPath)
            try data.withUnsafeBytes { try file.write($0) }
            _ = try file.finish()
        }
        try store.write { tx in
            _ = try tx.appendAudit(.export(query: query, count: messages.count, format: target.formatName,
                                           manifestSHA256: digest))
        }
        return Report(count: messages.count, bytes: bytes, manifest: manifest, manifestSHA256: digest)
    }
}

extension Exporter {
    /// The accounts the messages were seen in.
    private func accounts(of keys: [MessageKey]) throws -> Set<String> {
        var accounts = Set<String>()
        var start = 0
        while start < keys.count {
            let batch = Array(keys[start..<min(keys.count, start + 1024)])
            start += batch.count
            for summary in try store.read({ try $0.summaries(of: batch) }) {
                accounts.formUnion(summary.folders.map(\.account))
            }
        }
        return accounts
    }
}

extension ExportTarget {
    var mboxVariant: MboxVariant? {
        if case .mbox(_, let variant) = self { return variant }
        return nil
    }
}
