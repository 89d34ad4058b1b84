import Archive
import ArgumentParser
import Foundation
import Logging

/// `cairn sync [NAME]... [--folder GLOB]... [--watch]`: archives what is new in IMAP accounts.
struct SyncCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync",
        abstract: "Archive every new message of IMAP accounts, incrementally.",
        discussion: """
            Syncs every account (or the named ones) and every folder they select: new messages are \
            fetched and archived byte for byte, flag changes followed, and messages expunged on the \
            server stay archived, marked (is:expunged). A folder whose UIDVALIDITY changed is matched \
            again by content without fetching what is archived. A sync stopped at any moment resumes \
            where it stopped. With --watch, cairn stays connected (IDLE on INBOX and Sent, a poll of \
            every folder each --poll-interval seconds) and archives mail as it arrives, until SIGINT \
            or SIGTERM. Exit codes: 0 done, 3 some folders failed (listed), 5 a server could not be \
            reached or refused the login or TLS, 6 the archive is locked, 130 interrupted (without \
            --watch; what was fetched is kept).
            """
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The accounts to sync (default: every account).")
    var names: [String] = []

    @Option(name: .customLong("folder"), help: "Only the folders matching this glob (repeatable), e.g. INBOX or 'Archive/*'.")
    var folders: [String] = []

    @Flag(help: "Stay connected and archive new mail as it arrives, until SIGINT or SIGTERM.")
    var watch = false

    @Option(name: .customLong("poll-interval"), help: "With --watch: seconds between two checks of every folder.")
    var pollInterval: Double = 60

    @Option(help: "Connections per account that sync folders at the same time.")
    var connections: Int = 3

    @Option(name: .customLong("checkpoint-interval"), help: ArgumentHelp("Messages between two checkpoints of a folder.",
                                                                          visibility: .hidden))
    var checkpointInterval: Int = SyncOptions().checkpointInterval

    @Option(name: .customLong("timeout"), help: ArgumentHelp("Seconds to wait for a server's next bytes before giving up.",
                                                                visibility: .hidden))
    var timeout: Double?

    @Option(name: .customLong("backoff"), help: ArgumentHelp("Seconds before the first reconnection (doubling after each failure).",
                                                             visibility: .hidden))
    var backoff: Double?

    /// `--fetch-only` (hidden, for measuring): connects, lists and selects exactly as a sync does and
    /// streams every body of every selected folder with the same pipelined fetch, but discards the
    /// bytes (only counting them) and archives nothing: the archive is not opened and its writer lock
    /// not taken, so it runs beside a sync. Prints one line per account (folders, messages, bytes,
    /// seconds, rates); exit codes as for sync (5 a server failed, 3 some folders failed). Used by
    /// `Tools/bench --steps fetch` (see Tools/lib/cairnbench/README.md).
    @Flag(name: .customLong("fetch-only"), help: ArgumentHelp("Fetch every body and discard it, archiving nothing (for measuring).",
                                                               visibility: .hidden))
    var fetchOnly = false

    func validate() throws {
        if let timeout { guard timeout >= 0.1 else { throw ValidationError("--timeout must be at least 0.1 seconds") } }
        if let backoff { guard backoff >= 0.01 else { throw ValidationError("--backoff must be at least 0.01 seconds") } }
        guard pollInterval >= 0.1 else { throw ValidationError("--poll-interval must be at least 0.1 seconds") }
        guard (1...16).contains(connections) else { throw ValidationError("--connections must be from 1 to 16") }
        guard checkpointInterval >= 1 else { throw ValidationError("--checkpoint-interval must be at least 1") }
        if fetchOnly && watch { throw ValidationError("--fetch-only and --watch cannot be used together") }
    }

    func run() async throws {
        let config = try ConfigFile(home: global.resolvedHome).load()
        let accounts = try selectedAccounts(config)
        if fetchOnly { return try await runFetchOnly(accounts) }
        let archive = try ArchiveOpener.forWriting(global)
        defer { try? archive.close() }
        let options = syncOptions()
        let syncer = MailSyncer(archive: archive, options: options, logger: SyncCommand.logger(verbose: global.verbose, debug: global.debug))
        let progress = SyncProgress(accounts: accounts.map(\.name), mode: global.quiet ? .never : global.progress,
                                    quiet: global.quiet)
        let request = SyncRequest(accounts: accounts, folders: folders)
        let watching = watch
        let task = Task {
            watching ? try await syncer.watch(request, events: progress.handle)
                : try await syncer.sync(request, events: progress.handle)
        }
        let signals = StopSignals { first in
            if first {
                progress.finish()
                if !global.quiet { FileHandleOutput.standardError.write("cairn: stopping: committing what was fetched...\n") }
                task.cancel()
            } else {
                FileHandleOutput.standardError.write("cairn: stopped at once\n")
                Glibc.exit(130)
            }
        }
        let started = ContinuousClock.now
        let report: SyncReport
        do {
            report = try await task.value
        } catch {
            signals.stop()
            progress.finish()
            throw error
        }
        signals.stop()
        progress.finish()
        SyncSummary.print(report, elapsed: ProgressBar.seconds(ContinuousClock.now - started), quiet: global.quiet,
                          verbose: global.verbose)
        if let failure = report.archiveFailure { throw CLIError(description: failure.message, exitCode: 1) }
        if report.hasServerFailure && !(watch && report.interrupted) { throw ExitCode(CairnExitCode.server.rawValue) }
        if report.interrupted && !watch { throw ExitCode(130) }
        if report.isPartial && !watch { throw ExitCode(CairnExitCode.partial.rawValue) }
    }

    /// The sync options the flags ask for.
    func syncOptions() -> SyncOptions {
        var options = SyncOptions()
        options.connectionsPerAccount = connections
        options.checkpointInterval = checkpointInterval
        options.pollInterval = .milliseconds(Int(pollInterval * 1000))
        if let timeout {
            options.timeouts.command = .milliseconds(Int(timeout * 1000))
            options.timeouts.login = .milliseconds(Int(timeout * 1000))
            options.timeouts.connect = .milliseconds(Int(timeout * 1000))
        }
        if let backoff { options.initialBackoff = .milliseconds(Int(backoff * 1000)) }
        return options
    }

    /// The named accounts (all when none is named).
    private func selectedAccounts(_ config: CairnConfig) throws -> [AccountConfig] {
        guard !config.accounts.isEmpty else {
            throw CLIError(description: "no accounts yet; add one with: cairn account add NAME --host HOST --user USER "
                           + "--password-env VAR", exitCode: 2)
        }
        guard !names.isEmpty else { return config.accounts }
        return try names.map { name in
            guard let account = config.account(named: name) else {
                throw CLIError(description: "no account named '\(name)' (see: cairn account list)", exitCode: 2)
            }
            return account
        }
    }

    /// Quiet unless `--verbose` (then informational lines on standard error) or `--debug` (also every IMAP
    /// command, through its redacted description); never credentials.
    static func logger(verbose: Bool, debug: Bool = false) -> Logger {
        guard verbose || debug else { return Logger(label: "cairn.sync", factory: { _ in SwiftLogNoOpLogHandler() }) }
        var logger = Logger(label: "cairn.sync", factory: { StreamLogHandler.standardError(label: $0) })
        logger.logLevel = debug ? .debug : .info
        return logger
    }
}
