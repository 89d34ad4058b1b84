import MailModel

/// An untagged response other than FETCH (those stream as ``FetchEvent``s).
///
/// - SeeAlso: RFC 3501 7, RFC 9051 7.
public enum UntaggedResponse: Hashable, Sendable {
    /// `* OK ...` (also the greeting).
    case ok(ResponseText)
    /// `* NO ...`: a warning.
    case no(ResponseText)
    /// `* BAD ...`: a protocol-level error not tied to a command.
    case bad(ResponseText)
    /// `* BYE ...`: the server is closing the connection.
    case bye(ResponseText)
    /// `* PREAUTH ...`: a greeting saying the connection is already authenticated.
    case preauth(ResponseText)
    /// `* CAPABILITY ...`.
    case capability([Capability])
    /// `* ENABLED ...` (RFC 5161).
    case enabled([Capability])
    /// `* LIST (...) "/" name` (with RFC 5258 extended data).
    case list(MailboxListItem)
    /// `* LSUB (...) "/" name`.
    case lsub(MailboxListItem)
    /// `* STATUS name (...)`.
    case status(MailboxStatus)
    /// `* FLAGS (...)`: the flags defined in the selected mailbox.
    case flags([Flag])
    /// `* n EXISTS`.
    case exists(Int)
    /// `* n RECENT`.
    case recent(Int)
    /// `* n EXPUNGE`.
    case expunge(SequenceNumber)
    /// `* SEARCH n n ... [(MODSEQ m)]`.
    case search([UInt32], modSeq: ModSeq?)
    /// `* ESEARCH ...` (RFC 4731).
    case esearch(ExtendedSearchResult)
    /// `* VANISHED [(EARLIER)] uids` (RFC 7162 3.2.10).
    case vanished(UIDSet, earlier: Bool)
    /// `* ID (...)` or `* ID NIL` (RFC 2971).
    case id([IDParameter])
    /// `* NAMESPACE ...` (RFC 2342).
    case namespace(NamespaceResponse)
    /// A response this parser does not know, skipped whole; the keyword upper-cased.
    case other(String)
}
