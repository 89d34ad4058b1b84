import IMAPClient
import Logging
import MailModel

/// Keeps one connection idling (RFC 2177) on one folder and calls `wake` when the server reports a
/// change there (new mail, expunges, flag changes), and after each reconnection (changes may have
/// been missed while disconnected). Reconnects with exponential backoff; ends when its task is
/// cancelled, or when IDLE cannot work (no IDLE, a refused login or certificate: polling covers).
struct IdleWatcher: Sendable {
    let account: AccountConfig
    let folder: MailboxName
    let options: SyncOptions
    let logger: Logger
    let resolver: CredentialResolver
    let events: @Sendable (SyncEvent) -> Void
    let wake: @Sendable () -> Void

    /// Idles until cancelled.
    func run() async {
        var backoff = Backoff(initial: options.initialBackoff, maximum: options.maxBackoff)
        var reconnecting = false
        while !Task.isCancelled {
            do {
                let secret = try resolver.secret(for: account, environment: options.environment)
                let configuration = account.imapConfiguration(secret: secret, options: options)
                let idled = try await IMAPClient.withConnection(configuration, logger: logger) { connection -> Bool in
                    guard connection.capabilities.contains(.idle) else { return false }
                    try await connection.select(folder, readOnly: true)
                    if reconnecting { wake() }
                    backoff.reset()
                    try await connection.idle { event in
                        switch event {
                        case .exists, .expunged, .vanished, .fetched: wake()
                        case .recent: break
                        }
                        return .continue
                    }
                    return true
                }
                guard idled else { return }
            } catch is CancellationError {
                return
            } catch let error as IMAPError where error.category == .tls || error.category == .authentication {
                return
            } catch let error as IMAPError where error.category == .commandFailed {
                // The folder cannot be opened (gone?): polling covers it.
                return
            } catch {
                if Task.isCancelled { return }
                let wait = backoff.next()
                events(.connectionLost(account: account.name, reason: String(describing: error), retryIn: wait))
                logger.info("sync: idle connection lost", metadata: ["sync.account": "\(account.name)"])
                do { try await Task.sleep(for: wait) } catch { return }
                reconnecting = true
            }
        }
    }
}
