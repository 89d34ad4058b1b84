import Foundation
import MailModel

/// The files an import reads, found before reading starts (so that the count is known for a
/// progress bar), and the paths that could not be used.
struct ImportSources {
    /// One file to read.
    struct File {
        /// What is in it.
        enum Kind {
            /// One message, with the flags and delivery time of a Maildir file name.
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
    private(set) var files: [File] = []
    private(set) var problems: [Problem] = []

    init(request: ImportRequest) {
        self.request = request
    }

    /// Lists the files of every path and returns the plan.
    mutating func collect() -> ImportPlan {
        for path in request.paths {
            do {
                switch request.kind {
                case .maildir: try addMaildir(path)
                case .mbox: try addMboxes(path)
                case .eml: try addEML(path)
                }
            } catch {
                problems.append(Problem(path: path, reason: String(describing: error)))
            }
        }
        let bytes = files.reduce(Int64(0)) { $0 + $1.size }
        return ImportPlan(messages: request.kind == .mbox ? nil : files.count, bytes: bytes)
    }

    private mutating func addMaildir(_ path: String) throws {
        let root = request.folder ?? "INBOX"
        for file in try MailSourceWalker.maildir(at: path, rootFolder: root) {
            var folder = file.folder ?? root
            if let prefix = request.folder, folder != prefix, !folder.hasPrefix(prefix + "/") {
                folder = prefix + "/" + folder
            }
            let info = ImportSources.fileInfo(file.path)
            files.append(File(path: file.path, folder: folder, size: info.size,
                              kind: .message(flags: file.flags, internalDate: ImportSources.deliveryTime(file.path) ?? info.modified)))
        }
    }

    private mutating func addMboxes(_ path: String) throws {
        for mbox in try MboxFinder.find(at: path) {
            var folder = mbox.folder
            if let prefix = request.folder {
                folder = MailSourceWalker.isRegularFile(path) ? prefix : prefix + "/" + folder
            }
            files.append(File(path: mbox.path, folder: folder, size: ImportSources.fileInfo(mbox.path).size, kind: .mbox))
        }
    }

    private mutating func addEML(_ path: String) throws {
        let folder = request.folder ?? "INBOX"
        if path == "-" {
            files.append(File(path: "-", folder: folder, size: 0, kind: .message(flags: [], internalDate: nil)))
            return
        }
        for file in try MailSourceWalker.emlFiles(at: path) {
            let info = ImportSources.fileInfo(file.path)
            files.append(File(path: file.path, folder: folder, size: info.size,
                              kind: .message(flags: [], internalDate: info.modified)))
        }
    }

    /// A file's size and modification time.
    static func fileInfo(_ path: String) -> (size: Int64, modified: Timestamp?) {
        var info = stat()
        guard stat(path, &info) == 0 else { return (0, nil) }
        return (Int64(info.st_size), Timestamp(rawValue: Int64(info.st_mtim.tv_sec)))
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
