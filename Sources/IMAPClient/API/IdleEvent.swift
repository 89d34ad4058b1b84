import IMAPProtocol
import MailModel

/// Something the server reported while idling (RFC 2177).
public enum IdleEvent: Hashable, Sendable {
    /// The mailbox now has this many messages (new mail when it grows).
    case exists(Int)
    /// The message with this sequence number was expunged.
    case expunged(SequenceNumber)
    /// These UIDs were expunged (QRESYNC).
    case vanished(UIDSet)
    /// A message's flags (or other attributes) changed.
    case fetched(FetchedAttributes)
    /// The number of recent messages.
    case recent(Int)
}

/// Whether to keep idling after an event.
public enum IdleDecision: Sendable {
    /// Keep idling.
    case `continue`
    /// End IDLE (DONE) and return.
    case stop
}
