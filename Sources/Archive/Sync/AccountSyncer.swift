import IMAPClient
import IMAPProtocol
import Logging
import MailModel
import MailStore

/// Syncs one account in a round: logs in, lists the folders with their status (LIST-STATUS, else
/// STATUS), skips those that did not move, marks those gone from the server, and syncs the others
/// over a few connections at once (the first one reused), largest folders first.
struct AccountSyncer: Sendable {
    let account: AccountConfig
    let request: SyncRequest
    let context: SyncContext
    let resolver: CredentialResolver

    /// What the listing found.
    struct Plan {
        var jobs: [FolderJob] = []
        var unchanged: [FolderJob] = []
        var gone: [FolderState] = []
        var listed = 0
    }

    /// One folder's end: its report, or a job to report as failed.
    typealias Outcome = FolderSyncReport

    /// Runs the account's round; never throws: failures are in the report.
    func run() async -> AccountSyncReport {
        context.events(.connecting(account: account.name))
        let configuration: IMAPConfiguration
        do {
            configuration = account.imapConfiguration(secret: try resolver.secret(for: account, environment: context.options.environment),
                                                      options: context.options)
        } catch {
            return AccountSyncReport(account: account.name, error: SyncFailure(.credentials, String(describing: error)))
        }
        var report: AccountSyncReport
        do {
            report = try await IMAPClient.withConnection(configuration, logger: context.logger) { connection in
                try await AccountSyncer.prepare(connection, options: context.options)
                let plan = try await makePlan(connection)
                try await record(plan)
                var estimates: [MailboxName: Int] = [:]
                for job in plan.jobs { estimates[job.name] = job.estimate }
                context.events(.planned(account: account.name, folders: plan.listed, changed: estimates))
                let queue = FolderQueue(plan.jobs)
                let outcomes = await runWorkers(first: connection, queue: queue, configuration: configuration)
                return assemble(plan, outcomes: outcomes, queue: queue)
            }
        } catch let error as IMAPError {
            report = AccountSyncReport(account: account.name, error: .connection(error, account: account))
        } catch is CancellationError {
            report = AccountSyncReport(account: account.name)
        } catch {
            report = AccountSyncReport(account: account.name, error: SyncFailure(.archive, String(describing: error)))
        }
        return report
    }

    /// Turns on QRESYNC (and so CONDSTORE) when offered and wanted (RFC 7162 3.2.3).
    static func prepare(_ connection: IMAPConnection, options: SyncOptions) async throws {
        if options.useQResync && options.useCondStore && connection.capabilities.contains(.qresync) {
            try await connection.enable([.qresync])
        } else if options.useCondStore && connection.capabilities.contains(.condStore) {
            try await connection.enable([.condStore])
        }
    }

    /// Whether CONDSTORE can be used on a connection.
    static func condStore(_ connection: IMAPConnection, options: SyncOptions) -> Bool {
        options.useCondStore && connection.supportsCondStore
    }

    /// Lists the folders with their status and sorts them into unchanged, to sync, and gone.
    func makePlan(_ connection: IMAPConnection) async throws -> Plan {
        let items: [StatusItem] = [.messages, .uidNext, .uidValidity, .highestModSeq]
        let infos = try await connection.list(status: items)
        let name = account.name
        let states = try await context.archive.store.read { try $0.folderStates(account: name) }
        var previous: [MailboxName: FolderState] = [:]
        for state in states { previous[state.folder] = state }
        var plan = Plan()
        var listed = Set<MailboxName>()
        for info in infos {
            listed.insert(info.name)
            guard info.isSelectable, request.selects(info.name, of: account) else { continue }
            plan.listed += 1
            var status = info.status
            if status == nil {
                do {
                    status = try await connection.status(info.name, items: items)
                } catch let error as IMAPError where !SyncFailure.breaksConnection(error) {
                    status = nil   // SELECT will say what is wrong with the folder
                }
            }
            let job = FolderJob(info, status: status, previous: previous[info.name])
            if job.isUnchanged(condStore: AccountSyncer.condStore(connection, options: context.options)) {
                plan.unchanged.append(job)
            } else {
                plan.jobs.append(job)
            }
        }
        plan.gone = states.filter { $0.existsOnServer && !listed.contains($0.folder) }
        return plan
    }

    /// Records, in order with the messages: unchanged folders looked at now, folders gone from the
    /// server (their messages stay archived, their sightings marked gone).
    func record(_ plan: Plan) async throws {
        guard !plan.unchanged.isEmpty || !plan.gone.isEmpty else { return }
        let name = account.name, time = SyncContext.now(), tally = context.tally
        let touched = plan.unchanged.map { $0.touchedState(at: time, account: name) }
        let gone = plan.gone
        try await context.pipeline.perform { tx, _ in
            for state in touched { try tx.setFolderState(state) }
            for state in gone {
                try tx.markFolderGone(account: name, folder: state.folder)
                let retired = try tx.retireSightings(account: name, folder: state.folder, keeping: nil)
                tally.addExpunged(retired, account: name, folder: state.folder)
            }
        }
    }

    /// The account's report: every folder synced, unchanged, gone, or left over.
    private func assemble(_ plan: Plan, outcomes: [Outcome], queue: FolderQueue) -> AccountSyncReport {
        var folders = outcomes
        for job in plan.unchanged {
            var report = FolderSyncReport(folder: job.name, specialUse: job.specialUse)
            report.unchanged = true
            folders.append(report)
        }
        for state in plan.gone {
            var report = FolderSyncReport(folder: state.folder, specialUse: state.specialUse)
            report.gone = true
            folders.append(report)
        }
        let (left, failure) = queue.drain()
        for job in left {
            // Left over: every connection was lost, or the sync was stopped (then it is no error).
            var report = FolderSyncReport(folder: job.name, specialUse: job.specialUse)
            report.error = Task.isCancelled ? nil
                : failure ?? SyncFailure(.server, "account '\(account.name)': the folder could not be synced")
            folders.append(report)
        }
        // A folder tried twice (its connection broke) gets one report: the counts of both, the last error.
        var merged: [FolderSyncReport] = []
        for report in folders.sorted(by: { $0.folder < $1.folder }) {
            if let last = merged.last, last.folder == report.folder {
                merged[merged.count - 1].absorb(report)
            } else {
                merged.append(report)
            }
        }
        folders = merged
        let lost = folders.compactMap(\.error).first { $0.isServerFailure }
        return AccountSyncReport(account: account.name, folders: folders, error: lost)
    }
}
