import ArgumentParser
import MailIndex

/// The output formats of `cairn search`.
enum SearchFormat: String, ExpressibleByArgument, CaseIterable, Sendable {
    /// A readable table with snippets (50 results unless `--limit`).
    case text
    /// One JSON array of results (`Schemas/json/search-result.schema.json`).
    case json
    /// One JSON result a line.
    case jsonl
    /// One message id a line.
    case ids
}

/// The orders of `cairn search --sort`.
enum SearchSort: String, ExpressibleByArgument, CaseIterable, Sendable {
    case newest, oldest, relevance

    var order: SearchOrder {
        switch self {
        case .newest: return .newest
        case .oldest: return .oldest
        case .relevance: return .relevance
        }
    }
}

/// Where `cairn search --where` looks.
enum SearchPlace: String, ExpressibleByArgument, CaseIterable, Sendable {
    /// The archive only (the default).
    case local
    /// The IMAP servers only, through UID SEARCH.
    case remote
    /// The archive, then the servers for what the archive has not seen yet.
    case auto
}
