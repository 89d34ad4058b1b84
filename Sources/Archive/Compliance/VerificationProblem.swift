import MailModel

/// One integrity problem `cairn verify` found, naming what it is about: a message by id, an audit
/// entry by sequence, an index document by row, or the archive as a whole.
public struct VerificationProblem: Hashable, Sendable, CustomStringConvertible {
    /// The check that found it.
    public var check: VerificationCheck
    /// A short kind, e.g. `sha256-mismatch`, `not-indexed`, `chain-broken`, `deleted-without-purge`.
    public var kind: String
    /// The message it is about, if one.
    public var message: MessageID?
    /// The audit entry it is about, if one.
    public var auditSequence: Int64?
    /// The index document (row id) it is about, if one.
    public var indexRow: Int64?
    /// What is wrong, without message content.
    public var detail: String

    /// Creates a problem.
    public init(check: VerificationCheck, kind: String, message: MessageID? = nil, auditSequence: Int64? = nil,
                indexRow: Int64? = nil, detail: String) {
        self.check = check
        self.kind = kind
        self.message = message
        self.auditSequence = auditSequence
        self.indexRow = indexRow
        self.detail = detail
    }

    /// `message <id>: detail`, `audit entry N: detail`, `index document N: detail`, or the detail.
    public var description: String {
        if let message { return "message \(message.hex): \(detail)" }
        if let auditSequence { return "audit entry \(auditSequence): \(detail)" }
        if let indexRow { return "index document \(indexRow): \(detail)" }
        return detail
    }
}
