import Foundation
import IMAPProtocol
import MIME
import MailModel
import MailStore
import NIOCore

/// The files of one export in the making, for each of the three formats.
struct ExportSink {
    /// Where one message went.
    struct Written {
        var files: [String]
        var mboxOffset: Int64?
        var addedNewline: Bool
    }

    /// The absolute file or folder that manifest paths are relative to.
    let root: String
    private let target: ExportTarget
    private var mbox: ExportFile?
    private var mboxWriter: MboxWriter?
    /// The escaped bytes of one chunk on their way to the mbox, reused (at most a chunk and a few bytes).
    private var mboxBuffer = ByteBuffer()
    private var files: [ExportManifest.File] = []
    private var createdFolders: Set<String> = []
    private var namesTaken: Set<String> = []
    private var sequence = 0
    private let prefixAccounts: Bool

    /// Opens the target; for a Maildir, `prefixAccounts` puts each account's folders below a
    /// folder named after the account (when the export spans several accounts).
    init(target: ExportTarget, prefixAccounts: Bool = false) throws {
        self.target = target
        self.prefixAccounts = prefixAccounts
        let absolute = ExportSink.absolute(target.path)
        switch target {
        case .mbox(_, let variant):
            root = (absolute as NSString).deletingLastPathComponent
            mbox = try ExportFile(path: absolute, background: true)
            mboxWriter = MboxWriter(variant: variant)
        case .maildir, .eml:
            root = absolute
            try ExportSink.makeFolder(absolute)
            let existing = (try? FileManager.default.contentsOfDirectory(atPath: absolute)) ?? []
            if case .eml = target { namesTaken = Set(existing) }
        }
    }

    /// Writes one message whose bytes `withBytes` streams.
    mutating func write(_ summary: MessageSummary,
                        _ withBytes: ((UnsafeRawBufferPointer) throws -> Void) throws -> Void) throws -> Written {
        sequence += 1
        switch target {
        case .mbox:
            return try writeMbox(summary, withBytes)
        case .eml:
            let stem = ExportSink.dateStamp(summary.date ?? summary.archivedAt) + "-" + summary.id.short
            let name = SafeFileName.unique(stem + ".eml") { namesTaken.contains($0) }
            namesTaken.insert(name)
            try writeWhole(relative: name, withBytes)
            return Written(files: [name], mboxOffset: nil, addedNewline: false)
        case .maildir:
            let places = summary.folders.isEmpty ? [nil] : summary.folders.map { Optional($0) }
            var written: [String] = []
            for place in places {
                let folder = try maildirFolder(for: place, prefixAccount: prefixAccounts)
                let info = MaildirFlags.info(for: summary.flags.sorted())
                let name = "\(summary.archivedAt.rawValue).\(sequence)_\(summary.id.short).cairn\(info)"
                let relative = folder.isEmpty ? "cur/" + name : folder + "/cur/" + name
                try writeWhole(relative: relative, withBytes)
                written.append(relative)
            }
            return Written(files: written, mboxOffset: nil, addedNewline: false)
        }
    }

    /// Closes the files and returns the list for the manifest.
    mutating func finish() throws -> [ExportManifest.File] {
        if let mbox {
            let digest = try mbox.finish()
            files.append(ExportManifest.File(path: (mbox.path as NSString).lastPathComponent, sha256: digest.hex, size: mbox.size))
            self.mbox = nil
        }
        return files
    }

    private mutating func writeMbox(_ summary: MessageSummary,
                                    _ withBytes: ((UnsafeRawBufferPointer) throws -> Void) throws -> Void) throws -> Written {
        guard let file = mbox, var writer = mboxWriter else { fatalError("ExportSink: mbox not open") }
        let offset = file.size
        let sender = summary.from.first?.address ?? "MAILER-DAEMON"
        let date = summary.date ?? summary.archivedAt
        try ExportSink.write(writer.beginMessage(sender: sender, date: date), to: file)
        var last: UInt8?
        // Taken out (not copied) so that the writes below do not copy a shared buffer.
        var buffer = ByteBuffer()
        swap(&buffer, &mboxBuffer)
        defer { swap(&buffer, &mboxBuffer) }
        buffer.clear()
        try withBytes { chunk in
            guard chunk.count > 0 else { return }
            last = chunk[chunk.count - 1]
            writer.write(chunk, into: &buffer)
            try ExportSink.write(buffer, to: file)
            buffer.clear()
        }
        try ExportSink.write(writer.endMessage(), to: file)
        mboxWriter = writer
        return Written(files: [(file.path as NSString).lastPathComponent], mboxOffset: offset,
                       addedNewline: last != nil && last != 0x0A)
    }

    private mutating func writeWhole(relative: String,
                                     _ withBytes: ((UnsafeRawBufferPointer) throws -> Void) throws -> Void) throws {
        let file = try ExportFile(path: root + "/" + relative)
        try withBytes { try file.write($0) }
        let digest = try file.finish()
        files.append(ExportManifest.File(path: relative, sha256: digest.hex, size: file.size))
    }

    /// The Maildir++ folder (relative to the root) for a place: "" for INBOX, `.A.B` for A/B, each
    /// component in modified UTF-7 with `.` encoded, so that names read back exactly.
    private mutating func maildirFolder(for place: MessageLocation?, prefixAccount: Bool) throws -> String {
        var components: [String] = []
        if let place {
            if prefixAccount { components.append(place.account) }
            if place.folder != .inbox || prefixAccount {
                components += place.folder.components.map(String.init)
            }
        }
        let relative = components.isEmpty ? "" : "." + components.map(ExportSink.maildirComponent).joined(separator: ".")
        if !createdFolders.contains(relative) {
            let base = relative.isEmpty ? root : root + "/" + relative
            for sub in ["", "/cur", "/new", "/tmp"] { try ExportSink.makeFolder(base + sub) }
            createdFolders.insert(relative)
        }
        return relative
    }

    static func maildirComponent(_ name: String) -> String {
        var encoded = String(decoding: ModifiedUTF7.encode(name), as: UTF8.self)
        encoded = encoded.replacingOccurrences(of: ".", with: "&AC4-").replacingOccurrences(of: "/", with: "&AC8-")
        return SafeFileName.sanitize(encoded, fallback: "_")
    }

    private static func write(_ buffer: ByteBuffer, to file: ExportFile) throws {
        try buffer.withUnsafeReadableBytes { try file.write($0) }
    }

    private static func makeFolder(_ path: String) throws {
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
        } catch {
            throw ExportError(description: "cannot create the folder \(path): \(error.localizedDescription)")
        }
    }

    private static func absolute(_ path: String) -> String {
        path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
    }

    static func dateStamp(_ time: Timestamp) -> String {
        let c = time.components
        func pad(_ value: Int, _ width: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return "\(pad(c.year, 4))\(pad(c.month, 2))\(pad(c.day, 2))-\(pad(c.hour, 2))\(pad(c.minute, 2))\(pad(c.second, 2))"
    }
}
