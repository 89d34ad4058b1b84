import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Keeps the archive private: the archive folder and every folder Cairn makes in it 0700, every file
/// 0600 (CLI.md). The store creates its own files so; Xapian creates the index's files with the
/// process's umask, so the engine tightens them after every writer session (they sit in a 0700
/// folder in between). Only Cairn's own names are touched: the folder may hold other things.
///
/// ```swift
/// try ArchiveFolderModes.secure(home)
/// ArchiveFolderModes.loosePaths(home)      // [] when everything is private
/// ```
public enum ArchiveFolderModes {
    /// The files Cairn keeps directly in the archive folder.
    public static let fileNames = ["cairn.sqlite", "cairn.sqlite-wal", "cairn.sqlite-shm", "cairn.lock", "config.toml"]
    /// The folders Cairn keeps in the archive folder (everything in them is Cairn's).
    public static let folderNames = ["index"]

    /// Sets the modes: the archive folder 0700, its Cairn files 0600, Cairn's folders in it 0700
    /// with every folder below 0700 and every file 0600. Symbolic links are left alone.
    public static func secure(_ home: URL) throws {
        for (path, isFolder) in cairnPaths(home) {
            let wanted: mode_t = isFolder ? 0o700 : 0o600
            if mode(of: path) != wanted, chmod(path, wanted) != 0, errno != ENOENT {
                throw ArchiveFolderModeError(path: path, code: errno)
            }
        }
    }

    /// Cairn's paths in the archive folder whose mode is not private (0700 folders, 0600 files),
    /// with their modes, e.g. `("/a/index/main/termlist.glass", 0o644)`.
    public static func loosePaths(_ home: URL) -> [(path: String, mode: UInt32)] {
        cairnPaths(home).compactMap { path, isFolder in
            guard let mode = mode(of: path) else { return nil }
            return mode == (isFolder ? 0o700 : 0o600) ? nil : (path, UInt32(mode))
        }
    }

    /// The archive folder and Cairn's files and folders in it (recursively for the folders), each
    /// with whether it is a folder; symbolic links and missing names are skipped.
    private static func cairnPaths(_ home: URL) -> [(String, Bool)] {
        var paths: [(String, Bool)] = []
        guard kind(of: home.path) == .folder else { return paths }
        paths.append((home.path, true))
        for name in fileNames where kind(of: home.appendingPathComponent(name).path) == .file {
            paths.append((home.appendingPathComponent(name).path, false))
        }
        for name in folderNames {
            collect(home.appendingPathComponent(name).path, into: &paths, depth: 0)
        }
        return paths
    }

    private static func collect(_ path: String, into paths: inout [(String, Bool)], depth: Int) {
        switch kind(of: path) {
        case .file:
            paths.append((path, false))
        case .folder:
            paths.append((path, true))
            guard depth < 8, let names = try? FileManager.default.contentsOfDirectory(atPath: path) else { return }
            for name in names.sorted() { collect(path + "/" + name, into: &paths, depth: depth + 1) }
        case .other, nil:
            break
        }
    }

    private enum Kind { case file, folder, other }

    private static func kind(of path: String) -> Kind? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .file
        case S_IFDIR: return .folder
        default: return .other
        }
    }

    private static func mode(of path: String) -> mode_t? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        return info.st_mode & 0o7777
    }
}
