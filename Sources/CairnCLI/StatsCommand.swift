import Archive
import ArgumentParser
import Foundation

/// `cairn stats`: counts and sizes of the archive.
struct StatsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Print counts and sizes of the archive: messages, threads, accounts, folders, index."
    )

    @OptionGroup var global: GlobalOptions

    @Option(name: .long, help: "text (default) or json.")
    var format: ShowFormat = .text

    func run() async throws {
        let archive = try ArchiveOpener.forReading(global)
        defer { try? archive.close() }
        let stats = try archive.stats()
        let searcher = try archive.makeSearcher()
        let facts = StatsFacts(home: archive.home.path, stats: stats, indexDocuments: try searcher.documentCount(),
                               databaseBytes: DiskUsage.bytes(ofFilesWithPrefix: archive.home.path + "/cairn.sqlite"),
                               indexBytes: DiskUsage.bytes(below: archive.indexDirectory))
        switch format {
        case .json: FileHandleOutput.standardOutput.write(StatsOutput.json(facts).pretty + "\n")
        case .text: FileHandleOutput.standardOutput.write(StatsOutput.text(facts))
        }
    }
}

/// Bytes on disk.
enum DiskUsage {
    /// Every file below a folder.
    static func bytes(below path: String) -> Int64 {
        guard let walker = FileManager.default.enumerator(atPath: path) else { return 0 }
        var total: Int64 = 0
        while let name = walker.nextObject() as? String {
            total += size(path + "/" + name)
        }
        return total
    }

    /// Files whose path begins with `prefix` (a database and its -wal, -shm files).
    static func bytes(ofFilesWithPrefix prefix: String) -> Int64 {
        ["", "-wal", "-shm"].reduce(0) { $0 + size(prefix + $1) }
    }

    private static func size(_ path: String) -> Int64 {
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return 0 }
        return Int64(info.st_size)
    }
}
