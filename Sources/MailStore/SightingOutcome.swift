/// What recording a sighting did.
public enum SightingOutcome: Hashable, Sendable {
    /// A new place for the message.
    case added
    /// A known place, seen again (last seen, flags or MODSEQ updated).
    case updated
    /// The place already holds a different message (a server reusing a UID): nothing was changed.
    case conflict(existing: MessageKey)
}
