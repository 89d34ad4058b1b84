import Foundation

/// How an ``IngestPipeline`` batches and bounds its work, with documented defaults.
public struct IngestOptions: Sendable {
    /// Most messages stored in one store transaction. Default 100: up to three batches of index
    /// documents are in memory at once (one being stored, one waiting, one being indexed), at tens
    /// of KiB each. Importing 20,000 messages peaked at 240 MiB with 1,000 (and 64 MiB in flight),
    /// 155 MiB with 250 (32 MiB), 124 MiB with 100 (16 MiB). The index commits many batches at
    /// once (below), so small batches cost no extra index commits.
    public var batchMessages = 100
    /// New documents staged in the index that make it commit them (with their batches' state
    /// updates) once reached, overshooting by less than a batch. Xapian writes staged documents to
    /// disk as they grow, so this bounds the work a crash loses (indexed again by the next run),
    /// not memory. Default 5,000.
    public var indexCommitDocuments = 5_000
    /// Longest time staged index changes wait for a commit; results are reported (and progress
    /// moves) when their batch is committed in the index. Default 1 second. Importing 20,000
    /// messages took 26.6 s with one index commit per batch of 100, 19 to 21 s with these.
    public var indexCommitInterval: Duration = .seconds(1)
    /// Most message bytes stored in one transaction. Default 64 MiB.
    public var batchBytes = 64 << 20
    /// Longest time a batch stays open waiting for more messages before it is committed (for slow
    /// sources such as a trickle of IMAP fetches). Default 1 second.
    public var batchLatency: Duration = .seconds(1)
    /// Most messages between submission and storage (read, decoded, waiting for the writer):
    /// beyond it, `submit` waits. Each holds its index document (often ten times the message's
    /// size). Default 64: importing 20,000 messages peaked at 86 MiB with 64 or 32, 91 MiB with 128,
    /// 96 MiB with 256, in the same time; the first sync at 93 MiB with 64, 101 MiB with 256.
    public var maxInFlightMessages = 64
    /// Most message bytes between submission and storage. Default 16 MiB (a larger message is
    /// admitted alone).
    public var maxInFlightBytes = 16 << 20
    /// Bytes of one message kept in memory before it spills to a temporary file. Default 2 MiB.
    public var spoolMemoryLimit = MessageSpool.defaultMemoryLimit
    /// Where spilled messages go. Default `$TMPDIR`, else `/tmp`.
    public var temporaryDirectory = ProcessInfo.processInfo.environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"

    /// The defaults.
    public init() {}
}
