import Archive
import ArgumentParser
import MailIndex

/// `cairn index split single|account|year|striped [--stripes N]`: rebuilds the index split that way.
struct IndexSplitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "split",
        abstract: "Rebuild the index split into shards: single, account, year or striped.",
        discussion: """
            account: one shard per account (a message goes to the first account it was seen in); year: \
            one shard per UTC year of the Date header (undated messages in year-undated); striped: N \
            shards filled in parallel (uses several cores while indexing; not for spreading over \
            machines); single: one shard. The choice is kept in index/shards.conf and every later \
            import and sync routes new mail the same way. Remote shards are forgotten: everything is \
            indexed locally.
            """
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: "single, account, year or striped.")
    var layout: SplitLayout

    private var routing: ShardRouting { ShardRouting(rawValue: layout.rawValue)! }

    @Option(name: .long, help: "Shards of striped routing (default 2).")
    var stripes: Int?

    func validate() throws {
        if let stripes, stripes < 1 || stripes > 64 { throw ValidationError("--stripes takes 1 to 64") }
        if stripes != nil, layout != .striped { throw ValidationError("--stripes goes with striped routing only") }
    }

    func run() async throws {
        let archive = try ArchiveOpener.forWriting(global, catchUp: false)
        defer { try? archive.close() }
        let bar = ProgressBar(label: "splitting", mode: global.quiet ? .never : global.progress)
        let report = try archive.makeIndexer().rebuild(routing: routing, stripes: stripes,
                                                       reason: "cairn index split \(routing.rawValue)") { progress in
            bar.setTotal(progress.total)
            bar.update(done: progress.done, bytes: progress.bytes)
        }
        bar.finish()
        if !global.quiet {
            let shards = try archive.indexShards()
            FileHandleOutput.standardOutput.write("indexed \(report.built + report.updated) messages into "
                                                  + "\(shards.count) shards (\(routing.rawValue))\n")
        }
        if report.failed > 0 {
            throw CLIError(description: "\(report.failed) messages could not be indexed", exitCode: CairnExitCode.failure.rawValue)
        }
    }
}

/// The layouts `cairn index split` takes (``ShardRouting``'s cases).
enum SplitLayout: String, ExpressibleByArgument, CaseIterable, Sendable {
    case single, account, year, striped
}
