import Foundation
import IMAPClient

/// How ``RemoteSearcher`` works, with documented defaults.
public struct RemoteSearchOptions: Sendable {
    /// UIDs per `UID FETCH (... ENVELOPE)` of the hits: the answer of one batch is held in memory.
    /// Default 500.
    public var fetchBatch = 500
    /// IMAP time limits. Defaults: those of ``IMAPClient/Timeouts``, but 60 s per command.
    public var timeouts: Timeouts = {
        var timeouts = Timeouts()
        timeouts.command = .seconds(60)
        return timeouts
    }()
    /// Reads the accounts' secrets.
    public var credentials = CredentialResolver()
    /// The environment secrets are read from (`password_env`).
    public var environment: [String: String] = ProcessInfo.processInfo.environment

    /// The defaults.
    public init() {}
}
