import MailModel
import MailStore

/// One result of a search: an archived message, or a message a server found
/// (`--where remote|auto`).
public enum SearchResult: Sendable {
    /// An archived message that matches.
    case local(MessageSummary)
    /// A message a server's UID SEARCH found.
    case server(RemoteHit)

    /// The Date header, UTC.
    public var date: Timestamp? {
        switch self {
        case .local(let summary): return summary.date
        case .server(let hit): return hit.date
        }
    }
}
