import Foundation
import IMAPClient

/// How ``MailSyncer`` works, with documented defaults.
public struct SyncOptions: Sendable {
    /// Connections per account that sync folders at the same time. Default 3 (never more than the
    /// folders that changed).
    public var connectionsPerAccount = 3
    /// Messages of a folder between two checkpoints (each committed with the messages it covers).
    /// Default 500.
    public var checkpointInterval = 500
    /// UIDs per body-fetch stream (bodies are fetched in pipelined batches inside it). Default 2,000.
    public var fetchChunk = 2_000
    /// UIDs per metadata command (flags, envelopes) and per store operation. Default 1,000.
    public var metadataBatch = 1_000
    /// Times a folder is tried when its connection breaks (reconnecting in between). Default 2.
    public var folderAttempts = 2
    /// Reconnections a sync worker tries after its connection broke, before giving up. Default 2.
    public var reconnectAttempts = 2
    /// The first wait before reconnecting; it doubles after each failure, up to ``maxBackoff``.
    /// Default 1 s.
    public var initialBackoff: Duration = .seconds(1)
    /// The longest wait before reconnecting. Default 60 s.
    public var maxBackoff: Duration = .seconds(60)
    /// Use QRESYNC (RFC 7162) when the server offers it. Default on; off for a server whose
    /// implementation is broken.
    public var useQResync = true
    /// Use CONDSTORE (RFC 7162) when the server offers it. Default on; without it every sync compares
    /// every archived message's flags.
    public var useCondStore = true
    /// Use COMPRESS=DEFLATE (RFC 4978) when the server offers it. Default on, except to a server on
    /// this machine (127.0.0.1, ::1, localhost), where compressing only costs time.
    public var compression = true
    /// How messages are batched into the archive.
    public var ingest = IngestOptions()
    /// How bodies are fetched (batch size, commands in flight).
    public var fetch = FetchOptions()
    /// IMAP time limits.
    public var timeouts = Timeouts()
    /// Watch mode: how often every folder is checked (LIST-STATUS, then what changed). Default 60 s.
    public var pollInterval: Duration = .seconds(60)
    /// Watch mode: the special uses (RFC 6154) idled on besides INBOX. Default `\Sent`.
    public var idleSpecialUses: [String] = ["\\Sent"]
    /// Watch mode: at most this many folders idled on per account (one connection each). Default 3.
    public var maxIdleFolders = 3
    /// Watch mode: how long changes are gathered before a sync round starts. Default 250 ms.
    public var settleDelay: Duration = .milliseconds(250)
    /// The environment credentials are read from (`password_env`).
    public var environment: [String: String] = ProcessInfo.processInfo.environment

    /// The defaults.
    public init() {}
}
