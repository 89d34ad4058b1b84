import Foundation
import IMAPClient
import Logging
import MailModel
import MailStore

extension MailSyncer {
    /// Syncs the request, then stays connected and syncs again whenever something changes, until the
    /// task is cancelled (SIGINT / SIGTERM): IDLE (RFC 2177) on INBOX and the important special-use
    /// folders (``SyncOptions/idleSpecialUses``), one connection each, and a poll of every folder
    /// each ``SyncOptions/pollInterval`` (LIST-STATUS: only what moved is opened). Lost connections
    /// are reopened with exponential backoff. An account whose login or certificate is refused is
    /// not watched. Returns what every round did together.
    public func watch(_ request: SyncRequest, events: @escaping @Sendable (SyncEvent) -> Void = { _ in }) async throws
        -> SyncReport {
        var total = try await round(request, events: events)
        events(.roundFinished(total))
        let watched = request.accounts.filter { account in
            !(total.accounts.first { $0.account == account.name }?.error.map(MailSyncer.isPermanent) ?? false)
        }
        guard !watched.isEmpty, !Task.isCancelled else {
            total.interrupted = Task.isCancelled
            return total
        }
        let dirty = DirtyAccounts()
        let (wakeups, wake) = AsyncStream<Void>.makeStream(bufferingPolicy: .bufferingNewest(1))
        let mark: @Sendable (String) -> Void = { name in
            dirty.mark(name)
            wake.yield()
        }
        try await withThrowingTaskGroup(of: Void.self) { group in
            for account in watched {
                group.addTask { await self.watchAccount(account, request: request, events: events, mark: mark) }
            }
            var backoffs: [String: Backoff] = [:]
            for await _ in wakeups {
                try? await Task.sleep(for: options.settleDelay)
                if Task.isCancelled { break }
                let names = dirty.take()
                let accounts = watched.filter { names.contains($0.name) }
                guard !accounts.isEmpty else { continue }
                let report = try await round(SyncRequest(accounts: accounts, folders: request.folders), events: events)
                total.absorb(report)
                events(.roundFinished(report))
                for account in report.accounts {
                    guard let error = account.error, error.isServerFailure, !MailSyncer.isPermanent(error) else {
                        backoffs[account.account] = nil
                        continue
                    }
                    var backoff = backoffs[account.account]
                        ?? Backoff(initial: options.initialBackoff, maximum: options.maxBackoff)
                    let wait = backoff.next()
                    backoffs[account.account] = backoff
                    events(.connectionLost(account: account.account, reason: error.message, retryIn: wait))
                    let name = account.account
                    group.addTask {
                        try? await Task.sleep(for: wait)
                        if !Task.isCancelled { mark(name) }
                    }
                }
            }
            group.cancelAll()
        }
        wake.finish()
        total.interrupted = true
        return total
    }

    /// Watches one account until cancelled: IDLE watchers and a poll timer, each marking the account
    /// to be synced again.
    func watchAccount(_ account: AccountConfig, request: SyncRequest, events: @escaping @Sendable (SyncEvent) -> Void,
                      mark: @escaping @Sendable (String) -> Void) async {
        let folders = idleFolders(of: account, request: request)
        let options = self.options
        await withTaskGroup(of: Void.self) { group in
            for folder in folders {
                let watcher = IdleWatcher(account: account, folder: folder, options: options, logger: logger,
                                          resolver: resolver, events: events, wake: { mark(account.name) })
                group.addTask { await watcher.run() }
            }
            group.addTask {
                while !Task.isCancelled {
                    do { try await Task.sleep(for: options.pollInterval) } catch { return }
                    mark(account.name)
                }
            }
        }
    }

    /// INBOX and the selected folders of the important special uses, at most
    /// ``SyncOptions/maxIdleFolders``.
    func idleFolders(of account: AccountConfig, request: SyncRequest) -> [MailboxName] {
        let name = account.name
        let states = (try? archive.store.read { try $0.folderStates(account: name) }) ?? []
        var folders: [MailboxName] = []
        if request.selects(.inbox, of: account) { folders.append(.inbox) }
        for use in options.idleSpecialUses {
            for state in states where state.existsOnServer && state.specialUse == use && request.selects(state.folder, of: account)
                && !folders.contains(state.folder) {
                folders.append(state.folder)
            }
        }
        return Array(folders.prefix(options.maxIdleFolders))
    }

    /// Whether trying again cannot help: a refused login or certificate, or an unreadable secret.
    static func isPermanent(_ failure: SyncFailure) -> Bool {
        failure.isPermanent
    }
}

/// The accounts marked for another round, gathered between rounds.
final class DirtyAccounts: @unchecked Sendable {
    // Safe: `names` is only touched with `lock` held.
    private let lock = NSLock()
    private var names = Set<String>()

    /// Marks an account.
    func mark(_ name: String) {
        lock.lock()
        names.insert(name)
        lock.unlock()
    }

    /// Takes the marked accounts.
    func take() -> Set<String> {
        lock.lock()
        defer { lock.unlock() }
        let taken = names
        names = []
        return taken
    }
}
