import IMAPProtocol
import MailModel

/// What SELECT or EXAMINE reported about a mailbox.
///
/// - SeeAlso: RFC 3501 6.3.1, RFC 7162 3.1.2 (HIGHESTMODSEQ) and 3.2.5 (QRESYNC).
public struct SelectedMailbox: Hashable, Sendable {
    /// The mailbox.
    public var name: MailboxName
    /// UIDVALIDITY: when it changes, every UID known before is void.
    public var uidValidity: UIDValidity
    /// UIDNEXT, when the server said.
    public var uidNext: UID?
    /// HIGHESTMODSEQ; nil when the server does not keep mod-sequences for it (NOMODSEQ) or has no CONDSTORE.
    public var highestModSeq: ModSeq?
    /// The number of messages.
    public var exists: Int
    /// The number of \Recent messages.
    public var recent: Int
    /// The flags defined in the mailbox.
    public var flags: [Flag]
    /// The flags that can be stored (nil when not sent).
    public var permanentFlags: [Flag]?
    /// Whether it was opened read-only.
    public var readOnly: Bool
    /// With QRESYNC: UIDs expunged since the mod-sequence given (`VANISHED (EARLIER)`).
    public var vanished: UIDSet
    /// With QRESYNC: messages whose flags changed since the mod-sequence given.
    public var changed: [MessageSummary]

    /// A selected mailbox with nothing known yet but its name.
    init(name: MailboxName) {
        self.name = name
        uidValidity = UIDValidity(0)
        exists = 0
        recent = 0
        flags = []
        readOnly = false
        vanished = UIDSet()
        changed = []
    }
}
