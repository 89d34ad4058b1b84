import IMAPProtocol
import MailModel
import MailQuery

extension SearchKey {
    /// The IMAP SEARCH key (RFC 3501 6.4.4) of a query's neutral translation
    /// (``MailQuery/SearchQuery/imapSearch()``).
    ///
    /// ```swift
    /// SearchKey(.and([.string(key: "FROM", value: "ann"), .flag("UNSEEN")]))   // FROM ann UNSEEN
    /// ```
    public init(_ key: IMAPSearchKey) {
        switch key {
        case .all:
            self = .all
        case .flag(let name):
            let upper = name.uppercased()
            if upper.hasPrefix("UN"), let flag = SearchKey.systemFlags[String(upper.dropFirst(2))] {
                self = .notFlag(flag)
            } else if let flag = SearchKey.systemFlags[upper] {
                self = .flag(flag)
            } else {
                self = .flag(Flag(name))
            }
        case .string(let name, let value):
            self = SearchKey.stringKey(name.uppercased(), value)
        case .header(let name, let value):
            self = .header(name, value)
        case .number(let name, let value):
            let size = Int(clamping: value)
            self = name.uppercased() == "LARGER" ? .larger(size) : .smaller(size)
        case .date(let name, let day):
            let date = IMAPDate(year: day.year, month: day.month, day: day.day) ?? IMAPDate(Timestamp(rawValue: 0))
            switch name.uppercased() {
            case "SENTSINCE": self = .sentSince(date)
            case "SENTBEFORE": self = .sentBefore(date)
            case "SENTON": self = .sentOn(date)
            case "SINCE": self = .since(date)
            case "BEFORE": self = .before(date)
            default: self = .on(date)
            }
        case .not(let inner):
            self = .not(SearchKey(inner))
        case .or(let left, let right):
            self = .or(SearchKey(left), SearchKey(right))
        case .and(let keys):
            self = keys.count == 1 ? SearchKey(keys[0]) : .and(keys.map(SearchKey.init))
        }
    }

    private static let systemFlags: [String: Flag] = [
        "SEEN": .seen, "ANSWERED": .answered, "FLAGGED": .flagged, "DRAFT": .draft, "DELETED": .deleted,
    ]

    private static func stringKey(_ name: String, _ value: String) -> SearchKey {
        switch name {
        case "FROM": return .from(value)
        case "TO": return .to(value)
        case "CC": return .cc(value)
        case "BCC": return .bcc(value)
        case "SUBJECT": return .subject(value)
        case "BODY": return .body(value)
        case "KEYWORD": return .flag(Flag(value))
        case "UNKEYWORD": return .notFlag(Flag(value))
        default: return .text(value)
        }
    }
}
