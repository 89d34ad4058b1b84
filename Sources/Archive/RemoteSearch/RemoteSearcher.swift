import IMAPClient
import IMAPProtocol
import Logging
import MailModel
import MailQuery
import MailStore

/// Runs a query's IMAP SEARCH translation on the accounts' servers (`cairn search --where
/// remote|auto`): UID SEARCH in each selected folder (ESEARCH when offered), then a FETCH of
/// ENVELOPE, FLAGS, RFC822.SIZE and INTERNALDATE of the hits in bounded batches, each hit labelled
/// with the archived message seen at the same place.
///
/// ```swift
/// let plan = try query.imapSearch()                      // or IMAPTranslationError: say what cannot be sent
/// let searcher = RemoteSearcher(archive: archive, logger: logger)
/// let report = await searcher.search(plan, accounts: config.accounts, scope: .everything)
/// for hit in report.hits { print(hit.location, hit.uid, hit.archived?.id.hex ?? "not archived") }
/// ```
public struct RemoteSearcher: Sendable {
    /// The archive whose sightings label the hits and whose sync state `--where auto` reads; nil
    /// when there is none yet (every hit is then not archived).
    public let archive: MailArchive?
    /// How it works.
    public var options: RemoteSearchOptions
    /// Where it logs (IMAP traffic never includes credentials).
    public let logger: Logger

    /// A searcher.
    public init(archive: MailArchive?, options: RemoteSearchOptions = RemoteSearchOptions(), logger: Logger) {
        self.archive = archive
        self.options = options
        self.logger = logger
    }

    /// Searches every account that the plan's account conditions select (accounts at once, one
    /// connection each); never throws: what failed is in the report.
    public func search(_ plan: IMAPSearchPlan, accounts: [AccountConfig], scope: RemoteSearchScope) async -> RemoteSearchReport {
        let selected = accounts.filter { plan.includes(account: $0.name) }
        var reports: [Int: RemoteSearchReport] = [:]
        await withTaskGroup(of: (Int, RemoteSearchReport).self) { group in
            for (index, account) in selected.enumerated() {
                group.addTask { (index, await search(plan, account: account, scope: scope)) }
            }
            for await (index, report) in group { reports[index] = report }
        }
        var report = RemoteSearchReport()
        for index in selected.indices { report.absorb(reports[index] ?? RemoteSearchReport()) }
        return report
    }

    /// Searches one account.
    func search(_ plan: IMAPSearchPlan, account: AccountConfig, scope: RemoteSearchScope) async -> RemoteSearchReport {
        let configuration: IMAPConfiguration
        do {
            var syncOptions = SyncOptions()
            syncOptions.timeouts = options.timeouts
            configuration = account.imapConfiguration(
                secret: try options.credentials.secret(for: account, environment: options.environment), options: syncOptions)
        } catch {
            return RemoteSearchReport(failures: [RemoteSearchFailure(account: account.name, message: String(describing: error))])
        }
        let states = (try? archive.map { archive in
            try archive.store.read { try $0.folderStates(account: account.name) }
        }) ?? []
        let folderSearch = FolderSearch(plan: plan, account: account, scope: scope, archive: archive, options: options,
                                        states: Dictionary(states.map { ($0.folder, $0) }, uniquingKeysWith: { $1 }))
        do {
            return try await IMAPClient.withConnection(configuration, logger: logger) { connection in
                try await folderSearch.run(connection)
            }
        } catch let error as IMAPError {
            return RemoteSearchReport(failures: [RemoteSearchFailure(
                account: account.name, message: SyncFailure.connection(error, account: account).message)])
        } catch {
            return RemoteSearchReport(failures: [RemoteSearchFailure(
                account: account.name, message: "account '\(account.name)': \(error)")])
        }
    }
}
