import Foundation
import MailModel

/// The files an import reads: counted in a first pass (so a progress bar knows the total), then
/// handed out one by one in a second, so that no list of every file is kept in memory. Paths that
/// cannot be used are collected as problems.
struct ImportSources {
    /// One file to read.
    struct File {
        /// What is in it.
        enum Kind {
            /// One message, with the flags and delivery time of a Maildir file.
            case message(flags: [Flag], internalDate: Timestamp?)
            /// An mbox of messages.
            case mbox
        }

        var path: String
        var folder: String
        var size: Int64
        var kind: Kind
    }

    /// A path that could not be used, and why.
    struct Problem {
        var path: String
        var reason: String
    }

    let request: ImportRequest
    private(set) var problems: [Problem] = []

    init(request: ImportRequest) {
        self.request = request
    }

    /// Counts the files of every path (first pass) and notes the paths that cannot be used.
    mutating func plan() -> ImportPlan {
        var files = 0
        var bytes: Int64 = 0
        for path in request.paths {
            do {
                try forEachFile(in: path) { file in
                    files += 1
                    bytes += file.size
                }
            } catch {
                problems.append(Problem(path: path, reason: String(describing: error)))
            }
        }
        return ImportPlan(messages: request.kind == .mbox ? nil : files, bytes: bytes)
    }

    /// Calls `body` with each file of the usable paths, in order (second pass).
    func forEachFile(_ body: (File) throws -> Void) throws {
        let unusable = Set(problems.map(\.path))
        for path in request.paths where !unusable.contains(path) {
            try forEachFile(in: path, body)
        }
    }

    private func forEachFile(in path: String, _ body: (File) throws -> Void) throws {
        switch request.kind {
        case .maildir:
            let root = request.folder ?? "INBOX"
            try MailSourceWalker.forEachMaildirMessage(at: path, rootFolder: root) { file in
                var folder = file.folder ?? root
                if let prefix = request.folder, folder != prefix, !folder.hasPrefix(prefix + "/") {
                    folder = prefix + "/" + folder
                }
                let delivered = ImportSources.deliveryTime(file.path) ?? file.modified
                try body(File(path: file.path, folder: folder, size: file.size,
                              kind: .message(flags: file.flags, internalDate: delivered)))
            }
        case .mbox:
            for mbox in try MboxFinder.find(at: path) {
                var folder = mbox.folder
                if let prefix = request.folder {
                    folder = MailSourceWalker.isRegularFile(path) ? prefix : prefix + "/" + folder
                }
                let size = MailSourceWalker.regularFileInfo(mbox.path)?.size ?? 0
                try body(File(path: mbox.path, folder: folder, size: size, kind: .mbox))
            }
        case .eml:
            let folder = request.folder ?? "INBOX"
            if path == "-" {
                try body(File(path: "-", folder: folder, size: 0, kind: .message(flags: [], internalDate: nil)))
                return
            }
            try MailSourceWalker.forEachEMLFile(at: path) { file in
                try body(File(path: file.path, folder: folder, size: file.size,
                              kind: .message(flags: [], internalDate: file.modified)))
            }
        }
    }

    /// The delivery time a Maildir file name begins with (`1421465362.M520265P4001Q1.host:2,S`).
    static func deliveryTime(_ path: String) -> Timestamp? {
        let name = (path as NSString).lastPathComponent
        let digits = name.prefix { $0.isASCII && $0.isNumber }
        guard digits.count >= 9, digits.count <= 11, name.dropFirst(digits.count).first == ".",
              let seconds = Int64(digits) else { return nil }
        return Timestamp(rawValue: seconds)
    }
}
