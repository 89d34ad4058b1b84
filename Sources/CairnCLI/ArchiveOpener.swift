import Archive
import Foundation

/// Opens the archive of `--home` for a command: readers never wait; writers take the lock and first
/// bring the index up to date with the store (with a progress bar when that takes a while).
enum ArchiveOpener {
    /// Opens for reading: through one store connection, unless the command reads on several
    /// threads at once (`parallel`).
    static func forReading(_ global: GlobalOptions, parallel: Bool = false) throws -> MailArchive {
        try MailArchive.open(home: global.resolvedHome, access: .readOnly,
                             options: parallel ? MailArchive.Options() : .singleReader)
    }

    /// Opens for writing (waiting for another writer, then exit 6).
    static func forWriting(_ global: GlobalOptions, catchUp: Bool = true) throws -> MailArchive {
        let bar = ProgressBar(label: "indexing", mode: global.quiet ? .never : global.progress)
        defer { bar.finish() }
        var options = MailArchive.Options()
        options.catchUpOnOpen = catchUp
        return try MailArchive.open(home: global.resolvedHome, access: .readWrite, options: options) { progress in
            bar.setTotal(progress.total)
            bar.update(done: progress.done, bytes: progress.bytes)
        }
    }
}
