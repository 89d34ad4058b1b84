import Archive
import ArgumentParser
import Foundation

/// `cairn import maildir|mbox|eml PATH...`: pours mail from files into the archive.
struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import a Maildir (or Maildir++ tree), mbox files, or .eml files into the archive.",
        discussion: """
            Each message is stored once, byte for byte; a message already archived only gains the new \
            place it was seen in. mbox files of every variant (mboxo, mboxrd, Content-Length) are read; \
            a folder of mbox files becomes folders named after the files; a Maildir++ tree becomes \
            folders. `cairn import eml -` reads one message from standard input. A message that cannot \
            be decoded is still archived, as it is, and reported. Exit code 3 when some inputs failed. \
            SIGINT or SIGTERM stops it cleanly: nothing more is read, what was read is committed and \
            indexed, and it exits with 130 (a second signal stops at once); run it again for the rest.
            """
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: "What to read: maildir, mbox or eml.")
    var kind: ImportKind

    @Argument(help: "Maildirs, mbox files or folders, .eml files or folders (- for standard input with eml).")
    var paths: [String]

    @Option(name: .long, help: "The account to file the messages under (default: local).")
    var account: String?

    @Option(name: .long, help: "The folder to file them in (a Maildir's root folder; default INBOX, or the mbox file's name).")
    var folder: String?

    @Option(name: .customLong("batch-messages"), help: ArgumentHelp("Messages committed together at most (for tests).",
                                                                     visibility: .hidden))
    var batchMessages: Int = IngestOptions().batchMessages

    func validate() throws {
        guard !paths.isEmpty else { throw ValidationError("give at least one path to import") }
        guard batchMessages >= 1 else { throw ValidationError("--batch-messages must be at least 1") }
        if paths.contains("-") && kind != .eml {
            throw ValidationError("- (standard input) works with `cairn import eml -` only")
        }
    }

    func run() async throws {
        let archive = try ArchiveOpener.forWriting(global)
        defer { try? archive.close() }
        let request = ImportRequest(kind: kind.requestKind, paths: paths, account: account, folder: folder)
        let bar = ProgressBar(label: "importing", mode: global.quiet ? .never : global.progress)
        let progress = ImportProgress(bar: bar)
        let started = ContinuousClock.now
        let stop = StopRequest()
        let quiet = global.quiet
        let signals = StopSignals { first in
            if first {
                if !quiet { FileHandleOutput.standardError.write("cairn: stopping: committing what was read...\n") }
                stop.request()
            } else {
                FileHandleOutput.standardError.write("cairn: stopped at once\n")
                Glibc.exit(130)
            }
        }
        defer { signals.stop() }
        var options = IngestOptions()
        options.batchMessages = batchMessages
        let summary = try MailImporter(archive: archive, options: options).run(request, plan: { plan in
            bar.setTotal(plan.messages)
        }, shouldStop: { stop.isRequested }, onResult: { result in
            progress.add(result)
        })
        bar.finish()
        let elapsed = ProgressBar.seconds(ContinuousClock.now - started)
        ImportReport.print(summary, elapsed: elapsed, quiet: global.quiet, verbose: global.verbose)
        if stop.isRequested {
            FileHandleOutput.standardError.write("cairn: import stopped before the end; run it again to import the rest\n")
            throw ExitCode(130)
        }
        if summary.failed > 0 { throw ExitCode(CairnExitCode.partial.rawValue) }
    }
}

/// The kinds of source `cairn import` reads.
enum ImportKind: String, ExpressibleByArgument, CaseIterable, Sendable {
    case maildir, mbox, eml

    var requestKind: ImportRequest.Kind {
        switch self {
        case .maildir: return .maildir
        case .mbox: return .mbox
        case .eml: return .eml
        }
    }
}

/// Counts results for the progress bar (called on the pipeline's writer thread).
final class ImportProgress: @unchecked Sendable {
    // Safe: every access happens with `lock` held.
    private let lock = NSLock()
    private let bar: ProgressBar
    private var done = 0
    private var bytes: Int64 = 0

    init(bar: ProgressBar) {
        self.bar = bar
    }

    func add(_ result: IngestResult) {
        if case .operation = result.outcome { return }
        lock.lock()
        done += 1
        bytes += Int64(result.size)
        let snapshot = (done, bytes)
        lock.unlock()
        bar.update(done: snapshot.0, bytes: snapshot.1)
    }
}
