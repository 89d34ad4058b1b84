import Foundation
import MIME
import MailModel
import MailStore
import NIOCore

/// Writes the attachments of an archived message into a folder, decoded, each under a safe name:
/// no path separators, no `..`, no absolute paths, no control characters, never overwriting (a
/// name already there or used twice gets a ` (2)` suffix).
public struct AttachmentSaver {
    /// One file written.
    public struct Saved: Sendable, Equatable {
        /// The part's IMAP section number.
        public var partPath: String
        /// The name the message gave it, if any.
        public var originalName: String?
        /// The file written (absolute).
        public var path: String
        /// Its size.
        public var size: Int64
        /// SHA-256 of the decoded bytes.
        public var sha256: SHA256Digest
    }

    private let store: MailStore

    /// A saver reading from `store`.
    public init(store: MailStore) {
        self.store = store
    }

    /// Saves every attachment of the message `key` into `folder` (created 0700 when missing).
    public func save(_ key: MessageKey, into folder: String) throws -> [Saved] {
        let root = folder.hasPrefix("/") ? folder : FileManager.default.currentDirectoryPath + "/" + folder
        do {
            try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
        } catch {
            throw ExportError(description: "cannot create the folder \(root): \(error.localizedDescription)")
        }
        var extractor = PartExtractor(.attachments)
        var open: [Int: (file: ExportFile, saved: Saved)] = [:]
        var saved: [Saved] = []
        var used = Set<String>()

        func drain() throws {
            while let output = extractor.next() {
                switch output {
                case .begin(let part):
                    let fallback = "attachment-" + part.path.description.replacingOccurrences(of: ".", with: "-")
                        + AttachmentSaver.extensionGuess(part.contentType.mimeType)
                    let safe = SafeFileName.sanitize(part.filename, fallback: fallback)
                    let name = SafeFileName.unique(safe) { candidate in
                        used.contains(candidate) || FileManager.default.fileExists(atPath: root + "/" + candidate)
                    }
                    used.insert(name)
                    let file = try ExportFile(path: root + "/" + name)
                    open[part.index] = (file, Saved(partPath: part.path.description, originalName: part.filename,
                                                    path: file.path, size: 0, sha256: SHA256.hash([])))
                case .bytes(let index, let buffer):
                    guard let entry = open[index] else { continue }
                    try buffer.withUnsafeReadableBytes { try entry.file.write($0) }
                case .end(let index):
                    guard let entry = open.removeValue(forKey: index) else { continue }
                    var result = entry.saved
                    result.sha256 = try entry.file.finish()
                    result.size = entry.file.size
                    saved.append(result)
                }
            }
        }

        try store.read { reader in
            try reader.withRawBytes(of: key) { chunk in
                extractor.feed(ByteBuffer(bytes: chunk))
                try drain()
            }
        }
        extractor.finish()
        try drain()
        return saved
    }

    /// A file extension for a nameless part of a common type.
    static func extensionGuess(_ mimeType: String) -> String {
        switch mimeType {
        case "application/pdf": return ".pdf"
        case "image/png": return ".png"
        case "image/jpeg": return ".jpg"
        case "image/gif": return ".gif"
        case "text/plain": return ".txt"
        case "text/html": return ".html"
        case "text/calendar": return ".ics"
        case "message/rfc822", "message/global": return ".eml"
        case "application/zip": return ".zip"
        default: return ".bin"
        }
    }
}
