import Archive
import ArgumentParser

/// `cairn reindex`: rebuilds the index from the store.
struct ReindexCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reindex",
        abstract: "Rebuild the search index from the archive (the store is the source of truth).",
        discussion: "Every message is decoded again from its archived bytes; an audit entry records the rebuild."
    )

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let archive = try ArchiveOpener.forWriting(global, catchUp: false)
        defer { try? archive.close() }
        let bar = ProgressBar(label: "reindexing", mode: global.quiet ? .never : global.progress)
        let started = ContinuousClock.now
        let report = try archive.makeIndexer().rebuild { progress in
            bar.setTotal(progress.total)
            bar.update(done: progress.done, bytes: progress.bytes)
        }
        bar.finish()
        let seconds = ProgressBar.seconds(ContinuousClock.now - started)
        if !global.quiet {
            let rate = seconds > 0 ? Int(Double(report.built + report.updated) / seconds) : 0
            var text = "reindexed \(report.built + report.updated) messages in \(String(format: "%.1f", seconds)) s "
                + "(\(rate) messages/s)\n"
            if report.unreadable > 0 {
                text += "  \(report.unreadable) messages could not be read back and were indexed by their stored headers "
                    + "(run `cairn verify`)\n"
            }
            FileHandleOutput.standardOutput.write(text)
        }
        if report.failed > 0 {
            throw CLIError(description: "\(report.failed) messages could not be indexed", exitCode: CairnExitCode.failure.rawValue)
        }
    }
}
