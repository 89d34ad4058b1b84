import IMAPClient
import IMAPProtocol
import MailModel

extension FetchOnlyRun {
    /// Reads the queued folders over `first` and up to ``SyncOptions/connectionsPerAccount`` - 1 new
    /// connections at once. A connection that breaks ends its worker (no reconnection: the figures
    /// are for one clean pass); what no worker read stays in the queue.
    func readFolders(_ account: AccountConfig, first: IMAPConnection, queue: FolderQueue,
                     configuration: IMAPConfiguration) async -> FetchOnlyReport.Account {
        let extra = min(options.connectionsPerAccount, queue.count) - 1
        return await withTaskGroup(of: FetchOnlyReport.Account.self) { group in
            for _ in 0..<max(0, extra) {
                group.addTask {
                    do {
                        return try await IMAPClient.withConnection(configuration, logger: logger) { connection in
                            try await AccountSyncer.prepare(connection, options: options)
                            return await work(account, on: connection, queue: queue)
                        }
                    } catch let error as IMAPError {
                        queue.noteFailure(.connection(error, account: account))
                    } catch {}
                    return FetchOnlyReport.Account(account: account.name)
                }
            }
            var total = await work(account, on: first, queue: queue)
            for await more in group { total.absorb(more) }
            return total
        }
    }

    /// Reads folders from the queue over one connection until the queue is empty or the connection
    /// broke (the folder in progress is then a failure).
    private func work(_ account: AccountConfig, on connection: IMAPConnection, queue: FolderQueue)
        async -> FetchOnlyReport.Account {
        var report = FetchOnlyReport.Account(account: account.name)
        while !Task.isCancelled, let job = queue.next() {
            do {
                try await read(job.name, on: connection, into: &report)
                report.folders += 1
            } catch let error as IMAPError where !SyncFailure.breaksConnection(error) {
                report.failures.append(SyncFailure(.folder, "account '\(account.name)', folder \(job.name.path): the "
                                                   + "server refused to let it be read (\(error.message))"))
            } catch let error as IMAPError {
                let failure = SyncFailure.connection(error, account: account)
                queue.noteFailure(failure)
                report.failures.append(failure)
                logger.info("fetch-only: connection lost", metadata: ["sync.account": "\(account.name)",
                                                                      "sync.error": "\(error.category)"])
                return report
            } catch {
                return report   // cancelled
            }
        }
        return report
    }

    /// Opens a folder read-only (EXAMINE) and streams every body with the pipelined fetch a sync uses
    /// (``SyncOptions/fetchChunk`` UIDs per stream), counting messages and bytes and keeping none.
    /// A body under a UID not asked for, or twice, stops it as it stops a sync (``AnswerCheck``).
    private func read(_ folder: MailboxName, on connection: IMAPConnection, into report: inout FetchOnlyReport.Account)
        async throws {
        let selected = try await connection.select(folder, readOnly: true)
        guard selected.exists > 0 else { return }
        let uids = UIDList(try await connection.search(.all))
        for chunk in uids.chunks(of: options.fetchChunk) {
            try Task.checkCancellation()
            var check = AnswerCheck(chunk)
            for try await event in connection.fetchBodies(chunk.set, options: options.fetch) {
                switch event {
                case .begin(let message):
                    try check.accept(message.uid)
                case .bytes(let bytes):
                    report.bytes += Int64(bytes.readableBytes)
                case .end:
                    report.messages += 1
                }
            }
        }
    }
}
