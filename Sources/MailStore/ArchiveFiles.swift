#if canImport(Glibc)
import Glibc
#endif

/// Creates the archive folder and files with private modes: folders 0700, files 0600.
enum ArchiveFiles {
    /// The database file's name inside the archive folder.
    static let databaseName = "cairn.sqlite"
    /// The writer lock file's name inside the archive folder.
    static let lockName = "cairn.lock"

    /// Whether a path exists (any kind of file).
    static func exists(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0
    }

    /// Creates the folder (and missing parents) with mode 0700; an existing folder is left as is.
    static func ensureFolder(_ path: String) throws {
        if exists(path) { return }
        let parent = parentPath(of: path)
        if !parent.isEmpty, parent != path { try ensureFolder(parent) }
        if mkdir(path, 0o700) != 0 {
            let code = errno
            if code == EEXIST { return }
            throw ArchiveFileError(operation: "create the archive folder", code: code)
        }
        // The umask may have removed bits; the folder is private either way, but make it exactly 0700.
        chmod(path, 0o700)
    }

    /// Creates an empty file with mode 0600 if it does not exist.
    static func ensurePrivateFile(_ path: String) throws {
        let fd = open(path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        if fd < 0 {
            let code = errno
            if code == EEXIST { return }
            throw ArchiveFileError(operation: "create the archive database", code: code)
        }
        fchmod(fd, 0o600)
        close(fd)
    }

    /// The permission bits of a path, or nil if it does not exist.
    static func mode(_ path: String) -> UInt32? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return UInt32(info.st_mode) & 0o7777
    }

    private static func parentPath(of path: String) -> String {
        var trimmed = Substring(path)
        while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
        guard let slash = trimmed.lastIndex(of: "/") else { return "" }
        return slash == trimmed.startIndex ? "/" : String(trimmed[..<slash])
    }
}
