import Foundation

/// The manifest of an export: what was asked, what was written, and the SHA-256 of every message
/// and every file, so a recipient can check the export without Cairn (see
/// `Schemas/json/export-manifest.schema.json`).
public struct ExportManifest: Codable, Equatable, Sendable {
    /// One exported message.
    public struct Message: Codable, Equatable, Sendable {
        /// Cairn's id: SHA-256 of the message with every bare LF as CRLF.
        public var id: String
        /// SHA-256 of the message's bytes exactly as archived.
        public var sha256: String
        /// Size of those bytes.
        public var size: Int
        /// The Message-ID header, without angle brackets.
        public var messageID: String?
        /// The files (relative to the manifest's `root`) holding the message.
        public var files: [String]
        /// For an mbox: the byte offset of the message's `From ` line in the file.
        public var mboxOffset: Int64?
        /// For an mbox: true when the message lacked a final newline and gained one (mbox cannot
        /// tell a final newline from the separator; Maildir and EML exports keep the bytes exactly).
        public var mboxAddedFinalNewline: Bool?

        enum CodingKeys: String, CodingKey {
            case id, sha256, size, files
            case messageID = "message_id"
            case mboxOffset = "mbox_offset"
            case mboxAddedFinalNewline = "mbox_added_final_newline"
        }
    }

    /// One file written.
    public struct File: Codable, Equatable, Sendable {
        /// Path relative to `root`.
        public var path: String
        /// SHA-256 of the file's bytes.
        public var sha256: String
        /// Its size.
        public var size: Int64
    }

    /// The manifest format's version.
    public var manifestVersion = 1
    /// `cairn` and its version.
    public var generator: String
    /// When the export was made (RFC 3339, UTC).
    public var created: String
    /// The query, as given (`*` for everything).
    public var query: String
    /// `mbox`, `maildir` or `eml`.
    public var format: String
    /// For an mbox: `mboxrd` or `mboxo`.
    public var mboxVariant: String?
    /// The folder or file the paths are relative to (absolute).
    public var root: String
    /// Number of messages.
    public var count: Int
    /// The messages, in the order written.
    public var messages: [Message]
    /// The files, in the order written.
    public var files: [File]

    enum CodingKeys: String, CodingKey {
        case generator, created, query, format, root, count, messages, files
        case manifestVersion = "manifest_version"
        case mboxVariant = "mbox_variant"
    }

    /// The JSON text: keys sorted, indented, so the same manifest always has the same bytes.
    public func jsonData() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(self)
        data.append(0x0A)
        return data
    }
}
