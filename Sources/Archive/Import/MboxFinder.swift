import Foundation

/// One mbox file found on disk, with the folder it stands for.
public struct MboxFile: Sendable, Equatable {
    /// The file.
    public var path: String
    /// The folder, from the file's name and place (`INBOX`, `Lists/cairn-dev`).
    public var folder: String
}

/// Finds mbox files: a single file, or every mbox file below a folder, in a stable order.
///
/// Below a folder, a file is an mbox when it begins with `From ` (or is empty); index files of mail
/// programs (`.msf`, `.dat`, `.json`, hidden files) are skipped. The folder name is the relative path
/// without a `.mbox`/`.mbx` extension, with Thunderbird's `.sbd` subfolder suffix removed:
/// `Lists/cairn-dev.mbox` is `Lists/cairn-dev`, `Inbox.sbd/Work` is `Inbox/Work`.
public enum MboxFinder {
    /// The mbox files at `path`; a single file gets the folder name of its file name.
    public static func find(at path: String) throws -> [MboxFile] {
        if MailSourceWalker.isRegularFile(path) {
            return [MboxFile(path: path, folder: folderName([(path as NSString).lastPathComponent]))]
        }
        guard MailSourceWalker.isDirectory(path) else {
            throw MailSourceWalker.Error(description: "\(path) does not exist")
        }
        var found: [MboxFile] = []
        func walk(_ dir: String, _ components: [String]) {
            for name in MailSourceWalker.sortedEntries(dir) where !name.hasPrefix(".") {
                let child = dir + "/" + name
                if MailSourceWalker.isDirectory(child) {
                    walk(child, components + [name])
                } else if MailSourceWalker.isRegularFile(child), !skipped(name), looksLikeMbox(child) {
                    found.append(MboxFile(path: child, folder: folderName(components + [name])))
                }
            }
        }
        walk(path, [])
        return found
    }

    private static func skipped(_ name: String) -> Bool {
        let lower = name.lowercased()
        return [".msf", ".dat", ".json", ".sqlite", ".db", ".lock", ".toc", ".index"].contains { lower.hasSuffix($0) }
    }

    /// Whether a file begins with `From ` (or is empty).
    static func looksLikeMbox(_ path: String) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        let head = (try? handle.read(upToCount: 5)) ?? Data()
        return head.isEmpty || head == Data("From ".utf8)
    }

    /// `Inbox.sbd/Work.mbox` → `Inbox/Work`.
    static func folderName(_ components: [String]) -> String {
        var parts = components
        for index in parts.indices {
            for suffix in [".sbd", ".mbox", ".mbx"] where parts[index].lowercased().hasSuffix(suffix) && parts[index].count > suffix.count {
                parts[index] = String(parts[index].dropLast(suffix.count))
            }
        }
        return parts.joined(separator: "/")
    }
}
