import Archive
import ArgumentParser

/// `cairn index detach NAME`: stop searching a remote shard; its messages are indexed locally.
struct IndexDetachCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "detach",
        abstract: "Stop searching the remote shard NAME and index its messages locally again.",
        discussion: "Every message is checked against the index; those no local shard holds are indexed from the archive."
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The remote shard's name (see `cairn index shards`).")
    var name: String

    func run() async throws {
        let archive = try ArchiveOpener.forWriting(global, catchUp: false)
        defer { try? archive.close() }
        let bar = ProgressBar(label: "indexing", mode: global.quiet ? .never : global.progress)
        let report = try archive.detachRemoteShard(name: name) { progress in
            bar.setTotal(progress.total)
            bar.update(done: progress.done, bytes: progress.bytes)
        }
        bar.finish()
        if !global.quiet {
            FileHandleOutput.standardOutput.write("shard \(name) detached; \(report.built) messages indexed locally\n")
        }
        if report.failed > 0 {
            throw CLIError(description: "\(report.failed) messages could not be indexed", exitCode: CairnExitCode.failure.rawValue)
        }
    }
}
