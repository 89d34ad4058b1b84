import MailModel
import NIOCore

/// An IMAP command the client sends (without its tag).
///
/// Encode with ``encoded(tag:options:)``; the result says where to wait for continuation requests.
/// - SeeAlso: RFC 3501 6, RFC 9051 6, and the extension RFCs named on each case.
public enum Command: Hashable, Sendable {
    /// `CAPABILITY`.
    case capability
    /// `NOOP`.
    case noop
    /// `LOGOUT`.
    case logout
    /// `STARTTLS` (RFC 3501 6.2.1).
    case startTLS
    /// `LOGIN user password` (RFC 3501 6.2.3).
    case login(username: String, password: String)
    /// `AUTHENTICATE mechanism [initial-response]`; the initial response is sent base64-encoded,
    /// `=` for an empty one (RFC 4959).
    case authenticate(mechanism: String, initialResponse: [UInt8]?)
    /// `ENABLE caps` (RFC 5161).
    case enable([Capability])
    /// `ID (...)` or `ID NIL` (RFC 2971).
    case id([IDParameter]?)
    /// `NAMESPACE` (RFC 2342).
    case namespace
    /// `COMPRESS DEFLATE` (RFC 4978).
    case compressDeflate
    /// `SELECT mailbox [params]`.
    case select(EncodedMailbox, SelectParameters?)
    /// `EXAMINE mailbox [params]` (read-only SELECT).
    case examine(EncodedMailbox, SelectParameters?)
    /// `UNSELECT` (RFC 3691).
    case unselect
    /// `CLOSE`.
    case close
    /// `CREATE mailbox`.
    case create(EncodedMailbox)
    /// `DELETE mailbox`.
    case delete(EncodedMailbox)
    /// `RENAME from to`.
    case rename(from: EncodedMailbox, to: EncodedMailbox)
    /// `SUBSCRIBE mailbox`.
    case subscribe(EncodedMailbox)
    /// `LIST reference pattern [RETURN (options)]` (RFC 3501, RFC 5258).
    case list(reference: EncodedMailbox, pattern: EncodedMailbox, returnOptions: [ListReturnOption])
    /// `LSUB reference pattern`.
    case lsub(reference: EncodedMailbox, pattern: EncodedMailbox)
    /// `STATUS mailbox (items)`.
    case status(EncodedMailbox, [StatusItem])
    /// `APPEND mailbox [(flags)] [date-time] literal`.
    case append(EncodedMailbox, flags: [Flag], internalDate: Timestamp?, message: ByteBuffer)
    /// `CHECK`.
    case check
    /// `EXPUNGE`.
    case expunge
    /// `UID EXPUNGE set` (RFC 4315).
    case uidExpunge(UIDSet)
    /// `UID FETCH set (items) [(CHANGEDSINCE m [VANISHED])]` (RFC 7162 3.1.4, 3.2.6).
    case uidFetch(UIDSet, [FetchItem], changedSince: ModSeq?, vanished: Bool)
    /// `FETCH set (items) [(CHANGEDSINCE m)]`.
    case fetch(SequenceSet, [FetchItem], changedSince: ModSeq?)
    /// `UID STORE set [(UNCHANGEDSINCE m)] operation` (RFC 7162 3.1.3).
    case uidStore(UIDSet, StoreOperation, unchangedSince: ModSeq?)
    /// `UID SEARCH [RETURN (...)] [CHARSET UTF-8] key` (RFC 4731 for RETURN).
    case uidSearch(SearchKey, returnOptions: [SearchReturnOption]?)
    /// `SEARCH ...` with sequence numbers.
    case search(SearchKey, returnOptions: [SearchReturnOption]?)
    /// `UID COPY set mailbox`.
    case uidCopy(UIDSet, EncodedMailbox)
    /// `UID MOVE set mailbox` (RFC 6851).
    case uidMove(UIDSet, EncodedMailbox)
    /// `IDLE` (RFC 2177); end it with ``idleDone``.
    case idle

    /// The line that ends IDLE: `DONE` (untagged).
    public static var idleDone: EncodedCommand {
        EncodedCommand(tag: nil, chunks: [ByteBuffer(string: "DONE\r\n")], redactedDescription: "DONE")
    }

    /// A SASL response line during AUTHENTICATE: base64 of `bytes`, or `*` to cancel (RFC 3501 6.2.2).
    public static func saslResponse(_ bytes: [UInt8]?) -> EncodedCommand {
        let line = bytes.map { Base64.encode($0) } ?? "*"
        return EncodedCommand(tag: nil, chunks: [ByteBuffer(string: line + "\r\n")],
                              redactedDescription: bytes == nil ? "*" : "[SASL response]")
    }

    /// Whether the command carries credentials (its bytes must never be logged).
    public var carriesCredentials: Bool {
        switch self {
        case .login, .authenticate: return true
        default: return false
        }
    }
}
