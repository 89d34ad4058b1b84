import MailModel

/// A FETCH attribute that is not streamed.
///
/// - SeeAlso: RFC 3501 7.4.2, RFC 7162 3.1.4 (MODSEQ), RFC 3516 (BINARY.SIZE).
public enum MessageAttribute: Hashable, Sendable {
    /// `UID n`.
    case uid(UID)
    /// `FLAGS (...)`.
    case flags([Flag])
    /// `INTERNALDATE "..."`.
    case internalDate(Timestamp)
    /// `RFC822.SIZE n`.
    case rfc822Size(Int)
    /// `MODSEQ (n)`.
    case modSeq(ModSeq)
    /// `ENVELOPE (...)`.
    case envelope(Envelope)
    /// `BODYSTRUCTURE (...)` or `BODY (...)`.
    case bodyStructure(BodyStructure)
    /// A body section the server answered with NIL (it has no such data).
    case nilBody(StreamingKind)
    /// `BINARY.SIZE[part] n`.
    case binarySize(part: [Int], size: Int)
    /// `X-GM-MSGID n` (Gmail).
    case gmailMessageID(UInt64)
    /// `X-GM-THRID n` (Gmail).
    case gmailThreadID(UInt64)
    /// `X-GM-LABELS (...)` (Gmail).
    case gmailLabels([String])
    /// An attribute this parser does not know, skipped; its name upper-cased.
    case other(String)
}
