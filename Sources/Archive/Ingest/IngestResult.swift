import MailModel
import MailStore

/// What became of one item submitted to an ``IngestPipeline``, reported in submission order once
/// it is committed.
public struct IngestResult: Sendable {
    /// What happened.
    public enum Outcome: Hashable, Sendable {
        /// Stored now (its bytes, metadata, sighting and audit entry).
        case archived(MessageRef)
        /// Archived before (or earlier in this run): only the sighting was recorded.
        case alreadyArchived(MessageRef)
        /// Not archived; the reason says why.
        case failed(reason: String)
        /// An ordered operation ran (``IngestPipeline/perform(_:commit:)``).
        case operation
    }

    /// The submission's number, from 0, in submission order.
    public var sequence: Int
    /// The caller's label of the message ("" for operations).
    public var label: String
    /// Where the message was seen (nil for operations and for failures reported without one).
    public var sighting: Sighting?
    /// What happened.
    public var outcome: Outcome
    /// Bytes of the message (0 when unknown).
    public var size: Int
    /// Defects the decoder repaired or ignored, for a message archived now.
    public var warnings: [String]
    /// Whether the bytes held nothing of a mail message (no header field); they are archived as
    /// they are all the same.
    public var isUnreadable: Bool

    /// The archived message, if any.
    public var message: MessageRef? {
        switch outcome {
        case .archived(let ref), .alreadyArchived(let ref): return ref
        case .failed, .operation: return nil
        }
    }
}
