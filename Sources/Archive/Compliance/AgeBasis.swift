/// Where a message's age counts from for retention.
public enum AgeBasis: String, Hashable, Sendable {
    /// Its INTERNALDATE (the earliest among the places it was seen).
    case internalDate = "internaldate"
    /// Its Date header (it has no INTERNALDATE).
    case date
    /// The time it was archived (it has neither).
    case archived
}
