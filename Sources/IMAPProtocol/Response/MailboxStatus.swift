import MailModel

/// A STATUS reply: `* STATUS INBOX (MESSAGES 231 UIDNEXT 44292 UIDVALIDITY 1 HIGHESTMODSEQ 7)`.
///
/// - SeeAlso: RFC 3501 7.2.4, RFC 7162 (HIGHESTMODSEQ), RFC 8438 (SIZE).
public struct MailboxStatus: Hashable, Sendable {
    /// The mailbox on the wire.
    public var mailbox: EncodedMailbox
    /// MESSAGES.
    public var messages: Int?
    /// RECENT.
    public var recent: Int?
    /// UIDNEXT.
    public var uidNext: UID?
    /// UIDVALIDITY.
    public var uidValidity: UIDValidity?
    /// UNSEEN.
    public var unseen: Int?
    /// HIGHESTMODSEQ.
    public var highestModSeq: ModSeq?
    /// SIZE.
    public var size: Int?

    /// A status reply with no items yet.
    public init(mailbox: EncodedMailbox) { self.mailbox = mailbox }
}
