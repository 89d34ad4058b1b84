import Foundation
import Logging
import MailModel
import MailStore

/// Keeps a complete, verifiable copy of IMAP accounts in an archive, incrementally: the engine of
/// `cairn sync`.
///
/// A sync is a round: one ingest pipeline (one writer, back-pressure), every account at once, each
/// over a few connections, then the index brought up to date with what the round changed (flags,
/// expunges, folders). ``watch(_:events:)`` runs rounds whenever IDLE or polling sees a change,
/// until its task is cancelled.
///
/// ```swift
/// let archive = try MailArchive.open(home: home, access: .readWrite)
/// let syncer = MailSyncer(archive: archive)
/// let report = try await syncer.sync(SyncRequest(accounts: config.accounts)) { event in progress.show(event) }
/// if report.hasServerFailure { exit(5) }
/// ```
public struct MailSyncer: Sendable {
    /// The archive synced into (writable).
    public let archive: MailArchive
    /// How the sync works.
    public var options: SyncOptions
    /// Where the sync logs (never credentials or message content).
    public var logger: Logger
    /// Reads each account's secret when it connects.
    public var resolver: CredentialResolver

    /// A syncer into a writable archive.
    public init(archive: MailArchive, options: SyncOptions = SyncOptions(),
                logger: Logger = Logger(label: "cairn.sync"), resolver: CredentialResolver = CredentialResolver()) {
        self.archive = archive
        self.options = options
        self.logger = logger
        self.resolver = resolver
    }

    /// Syncs every account of the request once. Failures of servers and folders are in the report;
    /// an archive that cannot take messages throws. When the task is cancelled, what was fetched is
    /// committed with its checkpoints and the report says `interrupted`.
    public func sync(_ request: SyncRequest, events: @escaping @Sendable (SyncEvent) -> Void = { _ in }) async throws
        -> SyncReport {
        var report = try await round(request, events: events)
        report.interrupted = Task.isCancelled
        for account in report.accounts { events(.accountFinished(account)) }
        return report
    }

    /// One round over the request's accounts, with its own pipeline.
    func round(_ request: SyncRequest, events: @escaping @Sendable (SyncEvent) -> Void) async throws -> SyncReport {
        let tally = SyncTally(events: events)
        let pipeline = try IngestPipeline(archive: archive, options: options.ingest) { tally.add($0) }
        let context = SyncContext(archive: archive, pipeline: pipeline, tally: tally, options: options, logger: logger,
                                  events: events)
        let resolver = self.resolver
        var accounts = await withTaskGroup(of: (Int, AccountSyncReport).self) { group in
            for (index, account) in request.accounts.enumerated() {
                group.addTask {
                    let syncer = AccountSyncer(account: account, request: request, context: context, resolver: resolver)
                    return (index, await syncer.run())
                }
            }
            var reports: [(Int, AccountSyncReport)] = []
            for await report in group { reports.append(report) }
            return reports.sorted { $0.0 < $1.0 }.map(\.1)
        }
        _ = try await pipeline.finish()
        let archive = self.archive
        // Index what the round changed, then bring the legal holds up to date: new messages that a
        // hold's query matches come under it.
        try await Offload.run("cairn.sync.index") { _ = try archive.refreshHolds() }
        for index in accounts.indices {
            let name = accounts[index].account
            accounts[index].folders = accounts[index].folders.map { tally.report(merging: $0, account: name) }
        }
        return SyncReport(accounts: accounts)
    }
}

/// Runs blocking work (the indexer's catch-up) on a thread of its own, off the task pool.
enum Offload {
    /// The result of `body`, run on a new thread.
    static func run<T: Sendable>(_ name: String, _ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            _ = WorkerThread(name: name) { continuation.resume(with: Result { try body() }) }
        }
    }
}
