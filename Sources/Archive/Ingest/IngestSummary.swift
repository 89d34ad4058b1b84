/// The counts of an ingest run, kept up to date by the pipeline's writer as results are committed.
public struct IngestSummary: Hashable, Sendable {
    /// One message that was not archived.
    public struct Failure: Hashable, Sendable {
        /// The caller's label of the message (a path, a position in an mbox, a UID).
        public var label: String
        /// Why.
        public var reason: String
    }

    /// One archived message whose bytes are no mail message.
    public struct Unreadable: Hashable, Sendable {
        /// The caller's label.
        public var label: String
        /// The archived message's id.
        public var id: String
    }

    /// Most failures and unreadable messages listed one by one (the counts go on).
    public static let listLimit = 1_000

    /// Messages read (archived now, archived before, or failed).
    public var read = 0
    /// Messages archived now.
    public var new = 0
    /// Messages that were archived already (a sighting was recorded).
    public var existing = 0
    /// Messages that could not be archived.
    public var failed = 0
    /// Of the new messages, those whose bytes hold no mail message (archived as they are).
    public var unreadable = 0
    /// Of the new messages, those the decoder had to repair.
    public var repaired = 0
    /// Bytes of the messages read.
    public var bytes: Int64 = 0
    /// The failures, in order (at most ``listLimit``).
    public var failures: [Failure] = []
    /// The unreadable messages, in order (at most ``listLimit``).
    public var unreadableMessages: [Unreadable] = []

    /// An empty summary.
    public init() {}

    /// Adds one result.
    mutating func add(_ result: IngestResult) {
        switch result.outcome {
        case .operation:
            return
        case .archived(let ref):
            new += 1
            if result.isUnreadable {
                unreadable += 1
                if unreadableMessages.count < Self.listLimit {
                    unreadableMessages.append(Unreadable(label: result.label, id: ref.id.hex))
                }
            } else if !result.warnings.isEmpty {
                repaired += 1
            }
        case .alreadyArchived:
            existing += 1
        case .failed(let reason):
            failed += 1
            if failures.count < Self.listLimit { failures.append(Failure(label: result.label, reason: reason)) }
        }
        read += 1
        bytes += Int64(result.size)
    }
}
