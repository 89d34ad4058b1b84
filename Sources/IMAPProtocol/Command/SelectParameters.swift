import MailModel

/// Optional parameters of SELECT / EXAMINE: CONDSTORE, or QRESYNC with what the client knows.
///
/// - SeeAlso: RFC 7162 3.1.8 (CONDSTORE) and 3.2.5 (QRESYNC).
public enum SelectParameters: Hashable, Sendable {
    /// `(CONDSTORE)`: turn on CONDSTORE for this mailbox.
    case condStore
    /// `(QRESYNC (uidvalidity modseq [known-uids]))`: report what changed since `modSeq`.
    case qresync(uidValidity: UIDValidity, modSeq: ModSeq, knownUIDs: UIDSet?)
}
