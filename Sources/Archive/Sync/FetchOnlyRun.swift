import IMAPClient
import Logging

/// Reads every message body of IMAP accounts exactly as ``MailSyncer`` fetches them (same connection
/// settings and credentials, same folder selection, same pipelined `UID FETCH` streams, the same
/// connections per account) and discards the bytes, counting them: the fetch half of a sync alone,
/// for measuring what the server and the IMAP client give (`cairn sync --fetch-only`, `Tools/bench`).
///
/// It never touches an archive: no store is opened and no lock taken. Memory stays flat whatever the
/// mailbox size: bodies stream in chunks and only their lengths are kept.
///
/// ```swift
/// let run = FetchOnlyRun(options: SyncOptions())
/// let report = await run.run(SyncRequest(accounts: config.accounts))
/// print(report.messages, report.bytes)
/// ```
public struct FetchOnlyRun: Sendable {
    /// How the accounts are read: connections per account, fetch batches, time limits, environment.
    public var options: SyncOptions
    /// Where the run logs (never credentials or message content).
    public var logger: Logger
    /// Reads each account's secret when it connects, as a sync does.
    public var resolver: CredentialResolver

    /// A fetch-only run.
    public init(options: SyncOptions = SyncOptions(), logger: Logger = Logger(label: "cairn.sync"),
                resolver: CredentialResolver = CredentialResolver()) {
        self.options = options
        self.logger = logger
        self.resolver = resolver
    }

    /// Reads every body of every folder the request selects, every account at once. Failures are in
    /// the report; it never throws. A cancelled task stops at the next message and reports what was read.
    public func run(_ request: SyncRequest) async -> FetchOnlyReport {
        let accounts = await withTaskGroup(of: (Int, FetchOnlyReport.Account).self) { group in
            for (index, account) in request.accounts.enumerated() {
                group.addTask { (index, await self.read(account, request: request)) }
            }
            var reports: [(Int, FetchOnlyReport.Account)] = []
            for await report in group { reports.append(report) }
            return reports.sorted { $0.0 < $1.0 }.map(\.1)
        }
        return FetchOnlyReport(accounts: accounts)
    }

    /// One account: log in, list the folders a sync would take, and read them over up to
    /// ``SyncOptions/connectionsPerAccount`` connections (the listing's one and new ones), largest first.
    func read(_ account: AccountConfig, request: SyncRequest) async -> FetchOnlyReport.Account {
        var report = FetchOnlyReport.Account(account: account.name)
        let configuration: IMAPConfiguration
        do {
            let secret = try resolver.secret(for: account, environment: options.environment)
            configuration = account.imapConfiguration(secret: secret, options: options)
        } catch {
            report.error = SyncFailure(.credentials, String(describing: error))
            return report
        }
        do {
            report = try await IMAPClient.withConnection(configuration, logger: logger) { connection in
                try await AccountSyncer.prepare(connection, options: options)
                let queue = FolderQueue(try await folders(of: account, request: request, on: connection))
                var total = await readFolders(account, first: connection, queue: queue, configuration: configuration)
                let (left, failure) = queue.drain()
                for job in left where !Task.isCancelled {
                    total.failures.append(failure ?? SyncFailure(.server, "account '\(account.name)', folder "
                                                                 + "\(job.name.path): no connection left to read it"))
                }
                return total
            }
        } catch let error as IMAPError {
            report.error = .connection(error, account: account)
        } catch {
            if !(error is CancellationError) { report.error = SyncFailure(.server, String(describing: error)) }
        }
        return report
    }

    /// The folders a sync of `account` would take: selectable, selected by the account and the
    /// request, with their status for ordering (LIST-STATUS when offered).
    func folders(of account: AccountConfig, request: SyncRequest, on connection: IMAPConnection) async throws
        -> [FolderJob] {
        let infos = try await connection.list(status: [.messages, .uidNext, .uidValidity])
        return infos.filter { $0.isSelectable && request.selects($0.name, of: account) }
            .map { FolderJob($0, status: $0.status, previous: nil) }
    }
}
