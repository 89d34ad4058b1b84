import MailIndex
import MailModel
import MailStore

/// A change the caller wants made in the writer's transaction, in order between messages (e.g. a
/// folder checkpoint that covers the messages submitted before it). It sees the counts so far.
public typealias IngestOperation = @Sendable (WriteTransaction, IngestSummary) throws -> Void

/// What reaches the pipeline's writer, in submission order.
enum IngestItem: @unchecked Sendable {
    // Safe: an item is made by one worker and handed to the writer through the reorder buffer;
    // its prepared document is touched by one thread at a time.
    /// A message the archive has already: only its sighting is to be recorded.
    case known(IncomingMessage, MessageHasher.Result, MessageKey)
    /// A new message, decoded, with its index document built (nil when building failed: the
    /// indexer's catch-up does it later).
    case decoded(IncomingMessage, MessageHasher.Result, DecodedEntry)
    /// A message that could not be taken in.
    case failed(label: String, sighting: Sighting?, size: Int, reason: String)
    /// An ordered operation; `commit` ends the batch after it.
    case operation(IngestOperation, commit: Bool)
}

/// What a worker made of a new message.
struct DecodedEntry {
    /// What the store keeps.
    var metadata: MessageMetadata
    /// The index document, built for row id 1 with no state (placed by the writer).
    var document: PreparedDocument?
    /// Whether the bytes hold no mail message.
    var isUnreadable: Bool
    /// The bytes cut and compressed for the store; nil for a message spilled to disk (the writer
    /// streams those from the spool).
    var encoded: EncodedMessage?
}
