import MailModel

/// A response code in brackets: `[UIDVALIDITY 3857529045]`, `[ALERT]`, `[APPENDUID 38505 3955]`...
///
/// - SeeAlso: RFC 3501 7.1, RFC 4315 (APPENDUID, COPYUID), RFC 7162 (HIGHESTMODSEQ, NOMODSEQ, MODIFIED,
///   CLOSED), RFC 5530 (the other codes, as ``other(_:_:)``).
public enum ResponseCode: Hashable, Sendable {
    /// `ALERT`: the text must be shown to the user.
    case alert
    /// `BADCHARSET (charsets)`.
    case badCharset([String])
    /// `CAPABILITY ...`: the capabilities, sent unasked.
    case capability([Capability])
    /// `PARSE`: the server could not parse a message's headers.
    case parse
    /// `PERMANENTFLAGS (...)`: flags that can be stored; `\*` allows new keywords.
    case permanentFlags([Flag])
    /// `READ-ONLY`.
    case readOnly
    /// `READ-WRITE`.
    case readWrite
    /// `TRYCREATE`: the target mailbox does not exist.
    case tryCreate
    /// `UIDNEXT n`.
    case uidNext(UID)
    /// `UIDVALIDITY n`.
    case uidValidity(UIDValidity)
    /// `UNSEEN n`: the first unseen message's sequence number.
    case unseen(SequenceNumber)
    /// `HIGHESTMODSEQ n` (RFC 7162).
    case highestModSeq(ModSeq)
    /// `NOMODSEQ`: the mailbox does not keep mod-sequences (RFC 7162).
    case noModSeq
    /// `MODIFIED set`: messages a conditional STORE did not change (RFC 7162).
    case modified(SequenceSet)
    /// `APPENDUID uidvalidity uids` (RFC 4315).
    case appendUID(UIDValidity, UIDSet)
    /// `COPYUID uidvalidity source-uids destination-uids` (RFC 4315).
    case copyUID(UIDValidity, UIDSet, UIDSet)
    /// `UIDNOTSTICKY` (RFC 4315).
    case uidNotSticky
    /// `CLOSED`: the previous mailbox was closed (RFC 7162 3.2.11).
    case closed
    /// Any other code (`AUTHENTICATIONFAILED`, `NONEXISTENT`, `OVERQUOTA`...), upper-cased, with its text.
    case other(String, String?)
}
