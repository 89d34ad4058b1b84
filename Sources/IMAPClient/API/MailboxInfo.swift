import IMAPProtocol
import MailModel

/// A mailbox as LIST reports it, with its name decoded.
public struct MailboxInfo: Hashable, Sendable {
    /// The decoded name ("/" between levels), e.g. `Archive/2024`.
    public var name: MailboxName
    /// The name as the server spells it (use it to address the mailbox exactly).
    public var encodedName: EncodedMailbox
    /// The server's hierarchy delimiter, nil for a flat namespace.
    public var delimiter: UInt8?
    /// All attributes (`\HasNoChildren`, `\Noselect`, `\Sent`...).
    public var attributes: [MailboxAttribute]
    /// The special use (`\Sent`, `\Trash`, `\Junk`, `\Drafts`, `\Archive`, `\All`, `\Flagged`), if any.
    public var specialUse: MailboxAttribute?
    /// Whether it can be selected.
    public var isSelectable: Bool
    /// Its STATUS, when asked for with LIST-STATUS.
    public var status: MailboxStatus?

    /// A mailbox description from a LIST reply.
    public init(_ item: MailboxListItem, status: MailboxStatus? = nil) {
        name = item.name.decoded(delimiter: item.delimiter)
        encodedName = item.name
        delimiter = item.delimiter
        attributes = item.attributes
        specialUse = item.specialUse
        isSelectable = item.isSelectable
        self.status = status
    }
}
