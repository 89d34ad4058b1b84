/// One search key of IMAP SEARCH (RFC 3501 6.4.4), without any IMAP library type: the engine maps
/// it to its IMAP commands.
///
/// ```swift
/// IMAPSearchKey.and([.string(key: "FROM", value: "ann"), .date(key: "SENTSINCE", day: day)]).description
/// // FROM "ann" SENTSINCE 1-Jan-2024
/// ```
public indirect enum IMAPSearchKey: Hashable, Sendable, CustomStringConvertible {
    /// `ALL`
    case all
    /// A key without argument: `SEEN`, `UNSEEN`, `ANSWERED`, `UNANSWERED`, `FLAGGED`, `UNFLAGGED`,
    /// `DRAFT`, `UNDRAFT`, `DELETED`, `UNDELETED`.
    case flag(String)
    /// A key with a string: `FROM`, `TO`, `CC`, `BCC`, `SUBJECT`, `BODY`, `TEXT`, `KEYWORD`, `UNKEYWORD`.
    case string(key: String, value: String)
    /// `HEADER field-name string`.
    case header(name: String, value: String)
    /// A key with a number: `LARGER`, `SMALLER`.
    case number(key: String, value: Int64)
    /// A key with a date: `SENTSINCE`, `SENTBEFORE`, `SENTON` (the Date header's day).
    case date(key: String, day: CivilDay)
    /// `NOT key`
    case not(IMAPSearchKey)
    /// `OR key1 key2`
    case or(IMAPSearchKey, IMAPSearchKey)
    /// Keys side by side: all must match.
    case and([IMAPSearchKey])

    /// The keys as IMAP writes them, strings quoted: `OR FROM "ann" (SUBJECT "x" LARGER 1024)`.
    public var description: String { text(nested: false) }

    private func text(nested: Bool) -> String {
        switch self {
        case .all: return "ALL"
        case .flag(let key): return key
        case .string(let key, let value): return key + " " + QueryTerm.quoted(value)
        case .header(let name, let value): return "HEADER " + name + " " + QueryTerm.quoted(value)
        case .number(let key, let value): return key + " " + String(value)
        case .date(let key, let day): return key + " " + day.imapText
        case .not(let key): return "NOT " + key.text(nested: true)
        case .or(let left, let right): return "OR " + left.text(nested: true) + " " + right.text(nested: true)
        case .and(let keys):
            let inner = keys.map { $0.text(nested: false) }.joined(separator: " ")
            return nested && keys.count > 1 ? "(" + inner + ")" : inner
        }
    }
}
