import Foundation
import IMAPProtocol
import MailModel

/// One message file found on disk, with the folder it belongs to and the flags its name carries.
public struct MessageFile: Sendable, Equatable {
    /// The file.
    public var path: String
    /// The folder as a user reads it (`INBOX`, `Lists/swift`); nil for a plain `.eml` file.
    public var folder: String?
    /// Flags from a Maildir file name.
    public var flags: [Flag]
    /// The file's size in bytes.
    public var size: Int64 = 0
    /// The file's modification time (a Maildir's delivery time).
    public var modified: Timestamp?
}

/// Finds the messages of a Maildir, a tree of Maildir++ folders, a tree of nested Maildirs, or a
/// folder of `.eml` files, in a stable order.
public enum MailSourceWalker {
    /// Why a path cannot be read as the kind of source asked for.
    public struct Error: Swift.Error, CustomStringConvertible {
        /// What is wrong, with the path.
        public var description: String
    }

    /// The messages of a Maildir or a tree of them. The root Maildir is `rootFolder` (INBOX by
    /// default); Maildir++ subfolders (`.Sent`, `.Lists.swift`) and nested Maildirs
    /// (`Archive/2024/cur`) become folders named with `/`. Dovecot's modified UTF-7 folder names are
    /// decoded by `decodeName`.
    public static func maildir(at root: String, rootFolder: String = "INBOX",
                               decodeName: (String) -> String = decodeFolderName) throws -> [MessageFile] {
        var result: [MessageFile] = []
        try forEachMaildirMessage(at: root, rootFolder: rootFolder, decodeName: decodeName) { result.append($0) }
        return result
    }

    /// Calls `body` with each message of a Maildir or a tree of them, in the order of
    /// ``maildir(at:rootFolder:decodeName:)``, without listing them all first (memory holds one
    /// folder's names at a time).
    public static func forEachMaildirMessage(at root: String, rootFolder: String = "INBOX",
                                             decodeName: (String) -> String = decodeFolderName,
                                             _ body: (MessageFile) throws -> Void) throws {
        guard isDirectory(root) else { throw Error(description: "\(root) is not a folder") }
        var foundAny = false
        func collect(maildir: String, folder: String) throws {
            foundAny = true
            for sub in ["cur", "new"] {
                let dir = maildir + "/" + sub
                for name in sortedEntries(dir) where !name.hasPrefix(".") {
                    let path = dir + "/" + name
                    guard let info = regularFileInfo(path) else { continue }
                    try body(MessageFile(path: path, folder: folder, flags: MaildirFlags.flags(ofFileName: name),
                                         size: info.size, modified: info.modified))
                }
            }
        }
        func walk(_ dir: String, folder: String?) throws {
            if isMaildir(dir) { try collect(maildir: dir, folder: folder ?? rootFolder) }
            for name in sortedEntries(dir) where !["cur", "new", "tmp"].contains(name) {
                let path = dir + "/" + name
                guard isDirectory(path) else { continue }
                if name.hasPrefix(".") {
                    // Maildir++: ".A.B" is folder A/B below the root.
                    guard folder == nil, name.count > 1, isMaildir(path) else { continue }
                    let parts = name.dropFirst().split(separator: ".", omittingEmptySubsequences: false).map { decodeName(String($0)) }
                    try collect(maildir: path, folder: parts.joined(separator: "/"))
                } else {
                    let child = decodeName(name)
                    try walk(path, folder: folder.map { "\($0)/\(child)" } ?? child)
                }
            }
        }
        try walk(root, folder: nil)
        guard foundAny else { throw Error(description: "\(root) holds no Maildir (no cur/ and new/ folders in it or below it)") }
    }

    /// `.eml` files: a single file, or every regular file below a folder (sorted, hidden skipped).
    public static func emlFiles(at path: String) throws -> [MessageFile] {
        var result: [MessageFile] = []
        try forEachEMLFile(at: path) { result.append($0) }
        return result
    }

    /// Calls `body` with each file of ``emlFiles(at:)``, in order, without listing them all first.
    public static func forEachEMLFile(at path: String, _ body: (MessageFile) throws -> Void) throws {
        if let info = regularFileInfo(path) {
            try body(MessageFile(path: path, folder: nil, flags: [], size: info.size, modified: info.modified))
            return
        }
        guard isDirectory(path) else { throw Error(description: "\(path) does not exist") }
        func walk(_ dir: String) throws {
            for name in sortedEntries(dir) where !name.hasPrefix(".") {
                let child = dir + "/" + name
                if isDirectory(child) {
                    try walk(child)
                } else if let info = regularFileInfo(child) {
                    try body(MessageFile(path: child, folder: nil, flags: [], size: info.size, modified: info.modified))
                }
            }
        }
        try walk(path)
    }

    /// The size and modification time of a regular file; nil for anything else.
    static func regularFileInfo(_ path: String) -> (size: Int64, modified: Timestamp)? {
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        return (Int64(info.st_size), Timestamp(rawValue: Int64(info.st_mtim.tv_sec)))
    }

    /// A folder name component as Dovecot writes it: modified UTF-7 (RFC 3501 5.1.3) decoded when
    /// it is valid, kept as written otherwise.
    public static func decodeFolderName(_ name: String) -> String {
        guard name.contains("&") else { return name }
        return ModifiedUTF7.decode(Array(name.utf8)) ?? name
    }

    static func isMaildir(_ path: String) -> Bool {
        isDirectory(path + "/cur") && isDirectory(path + "/new")
    }

    static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    static func isRegularFile(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
    }

    static func sortedEntries(_ dir: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).sorted()
    }
}
