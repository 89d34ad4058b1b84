import MailModel

/// An ESEARCH reply: `* ESEARCH (TAG "A5") UID MIN 4 MAX 80 COUNT 12 ALL 4:10,22,80`.
///
/// - SeeAlso: RFC 4731 3.1, RFC 9051 7.3.4.
public struct ExtendedSearchResult: Hashable, Sendable {
    /// The tag of the command this answers, if the server said.
    public var tag: String?
    /// Whether the numbers are UIDs (else sequence numbers).
    public var uid: Bool
    /// MIN.
    public var min: UInt32?
    /// MAX.
    public var max: UInt32?
    /// COUNT.
    public var count: Int?
    /// ALL: every match as ranges of raw numbers.
    public var all: [ClosedRange<UInt32>]?
    /// MODSEQ (CONDSTORE).
    public var modSeq: ModSeq?

    /// An empty result.
    public init(tag: String? = nil, uid: Bool = false) {
        self.tag = tag
        self.uid = uid
    }
}
