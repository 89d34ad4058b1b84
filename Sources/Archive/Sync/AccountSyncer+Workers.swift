import IMAPClient
import Logging
import MailModel

extension AccountSyncer {
    /// Syncs the queued folders over up to ``SyncOptions/connectionsPerAccount`` connections: `first`
    /// (the listing's) and new ones. A worker whose connection breaks puts its folder back (to be
    /// tried again, up to ``SyncOptions/folderAttempts`` times) and reconnects with a growing pause,
    /// up to ``SyncOptions/reconnectAttempts`` times; what no worker could do is left in the queue.
    func runWorkers(first: IMAPConnection, queue: FolderQueue, configuration: IMAPConfiguration) async -> [Outcome] {
        let extra = min(context.options.connectionsPerAccount, queue.count) - 1
        return await withTaskGroup(of: [Outcome].self) { group in
            for _ in 0..<max(0, extra) {
                group.addTask { await self.worker(queue: queue, configuration: configuration, first: nil) }
            }
            var outcomes = await worker(queue: queue, configuration: configuration, first: first)
            for await more in group { outcomes += more }
            return outcomes
        }
    }

    /// One worker: syncs folders from the queue until it is empty, reconnecting when needed.
    private func worker(queue: FolderQueue, configuration: IMAPConfiguration, first: IMAPConnection?) async -> [Outcome] {
        var outcomes: [Outcome] = []
        var failures = 0
        if let first {
            guard await work(on: first, queue: queue, outcomes: &outcomes) != nil else { return outcomes }
            failures = 1
        }
        var backoff = Backoff(initial: context.options.initialBackoff, maximum: context.options.maxBackoff)
        while queue.hasWork && !Task.isCancelled {
            if failures > 0 {
                guard failures <= context.options.reconnectAttempts else { break }
                do { try await Task.sleep(for: backoff.next()) } catch { break }
            }
            do {
                let (broken, done) = try await IMAPClient.withConnection(configuration, logger: context.logger) {
                    connection in
                    try await AccountSyncer.prepare(connection, options: context.options)
                    var mine: [Outcome] = []
                    let broken = await work(on: connection, queue: queue, outcomes: &mine)
                    return (broken, mine)
                }
                outcomes += done
                guard broken != nil else { return outcomes }
                failures += 1
            } catch let error as IMAPError {
                let failure = SyncFailure.connection(error, account: account)
                queue.noteFailure(failure)
                // A refused certificate or login will not get better by trying again.
                if error.category == .tls || error.category == .authentication { break }
                failures += 1
            } catch {
                break
            }
        }
        return outcomes
    }

    /// Syncs folders over one connection until the queue is empty (nil) or the connection broke
    /// (the failure; the folder in progress is queued again, or reported when out of attempts).
    private func work(on connection: IMAPConnection, queue: FolderQueue, outcomes: inout [Outcome]) async -> SyncFailure? {
        while !Task.isCancelled, let job = queue.next() {
            let syncer = FolderSyncer(account: account.name, job: job, context: context)
            do {
                let report = try await syncer.run(on: connection)
                outcomes.append(report)
                context.events(.folderFinished(account: account.name, folder: job.name, error: nil))
            } catch let error as IMAPError where !SyncFailure.breaksConnection(error) {
                let failure = SyncFailure(.folder, "account '\(account.name)', folder \(job.name.path): the server refused "
                                          + "to let it be read (\(error.message))")
                outcomes.append(failed(job, failure))
            } catch let error as IMAPError {
                let failure = SyncFailure.connection(error, account: account)
                queue.noteFailure(failure)
                if job.attempts + 1 < context.options.folderAttempts {
                    queue.retry(job)
                } else {
                    outcomes.append(failed(job, failure))
                }
                context.logger.info("sync: connection lost", metadata: ["sync.account": "\(account.name)",
                                                                         "sync.error": "\(error.category)"])
                return failure
            } catch is CancellationError {
                // Stopped (SIGINT / SIGTERM): what was fetched is committed with its checkpoint.
                outcomes.append(FolderSyncReport(folder: job.name, specialUse: job.specialUse))
                return nil
            } catch {
                outcomes.append(failed(job, SyncFailure(.archive, "the archive could not take the messages: \(error)")))
            }
        }
        return nil
    }

    private func failed(_ job: FolderJob, _ failure: SyncFailure) -> Outcome {
        var report = FolderSyncReport(folder: job.name, specialUse: job.specialUse)
        report.error = failure
        context.events(.folderFinished(account: account.name, folder: job.name, error: failure))
        return report
    }
}
