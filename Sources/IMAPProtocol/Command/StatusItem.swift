/// A STATUS data item (RFC 3501 6.3.10, RFC 7162 for HIGHESTMODSEQ, RFC 8438 for SIZE).
public enum StatusItem: String, Hashable, Sendable, CaseIterable {
    /// `MESSAGES`: the number of messages.
    case messages = "MESSAGES"
    /// `RECENT`.
    case recent = "RECENT"
    /// `UIDNEXT`.
    case uidNext = "UIDNEXT"
    /// `UIDVALIDITY`.
    case uidValidity = "UIDVALIDITY"
    /// `UNSEEN`.
    case unseen = "UNSEEN"
    /// `HIGHESTMODSEQ` (CONDSTORE).
    case highestModSeq = "HIGHESTMODSEQ"
    /// `SIZE` (RFC 8438).
    case size = "SIZE"
}
