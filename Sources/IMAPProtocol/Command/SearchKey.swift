import MailModel

/// A SEARCH criterion tree: keys in a list are ANDed; `or` and `not` combine them.
///
/// ```swift
/// .and([.from("alice"), .since(IMAPDate(year: 2024, month: 1, day: 1)!), .not(.seen)])
/// // FROM alice SINCE 1-Jan-2024 NOT SEEN
/// ```
/// - SeeAlso: RFC 3501 6.4.4, RFC 9051 6.4.4, RFC 7162 3.1.5 (MODSEQ).
public indirect enum SearchKey: Hashable, Sendable {
    /// `ALL`.
    case all
    /// `ANSWERED`, `DELETED`, `DRAFT`, `FLAGGED`, `SEEN`, or `KEYWORD k` for other flags.
    case flag(Flag)
    /// `UNANSWERED`, `UNDELETED`, `UNDRAFT`, `UNFLAGGED`, `UNSEEN`, or `UNKEYWORD k`.
    case notFlag(Flag)
    /// `NEW` (recent and unseen).
    case new
    /// `OLD` (not recent).
    case old
    /// `RECENT`.
    case recent
    /// `FROM s`.
    case from(String)
    /// `TO s`.
    case to(String)
    /// `CC s`.
    case cc(String)
    /// `BCC s`.
    case bcc(String)
    /// `SUBJECT s`.
    case subject(String)
    /// `BODY s`.
    case body(String)
    /// `TEXT s` (header and body).
    case text(String)
    /// `HEADER name s`.
    case header(String, String)
    /// `SINCE d`: INTERNALDATE on or after the date.
    case since(IMAPDate)
    /// `BEFORE d`: INTERNALDATE before the date.
    case before(IMAPDate)
    /// `ON d`: INTERNALDATE on the date.
    case on(IMAPDate)
    /// `SENTSINCE d`: Date header on or after the date.
    case sentSince(IMAPDate)
    /// `SENTBEFORE d`.
    case sentBefore(IMAPDate)
    /// `SENTON d`.
    case sentOn(IMAPDate)
    /// `LARGER n`: RFC822.SIZE greater than n.
    case larger(Int)
    /// `SMALLER n`: RFC822.SIZE less than n.
    case smaller(Int)
    /// `UID set`.
    case uid(UIDSet)
    /// A sequence set.
    case sequence(SequenceSet)
    /// `MODSEQ n`: changed at or after the mod-sequence (CONDSTORE).
    case modSeq(ModSeq)
    /// `NOT key`.
    case not(SearchKey)
    /// `OR key1 key2`.
    case or(SearchKey, SearchKey)
    /// Several keys that must all hold (written side by side, in parentheses when nested).
    case and([SearchKey])

    /// Whether any string in the tree has non-ASCII characters (the command then needs `CHARSET UTF-8`
    /// unless UTF8=ACCEPT is enabled).
    public var needsUTF8: Bool {
        switch self {
        case .from(let s), .to(let s), .cc(let s), .bcc(let s), .subject(let s), .body(let s), .text(let s):
            return s.utf8.contains { $0 >= 0x80 }
        case .header(let name, let value):
            return (name + value).utf8.contains { $0 >= 0x80 }
        case .not(let key): return key.needsUTF8
        case .or(let a, let b): return a.needsUTF8 || b.needsUTF8
        case .and(let keys): return keys.contains { $0.needsUTF8 }
        default: return false
        }
    }

    // MARK: - Encoding

    /// Writes the key; `nested` wraps an AND of several keys in parentheses.
    func write(to writer: inout CommandWriter, nested: Bool = false) {
        switch self {
        case .all: writer.raw("ALL")
        case .flag(let flag): writeFlag(flag, negated: false, to: &writer)
        case .notFlag(let flag): writeFlag(flag, negated: true, to: &writer)
        case .new: writer.raw("NEW")
        case .old: writer.raw("OLD")
        case .recent: writer.raw("RECENT")
        case .from(let s): writeString("FROM", s, to: &writer)
        case .to(let s): writeString("TO", s, to: &writer)
        case .cc(let s): writeString("CC", s, to: &writer)
        case .bcc(let s): writeString("BCC", s, to: &writer)
        case .subject(let s): writeString("SUBJECT", s, to: &writer)
        case .body(let s): writeString("BODY", s, to: &writer)
        case .text(let s): writeString("TEXT", s, to: &writer)
        case .header(let name, let value):
            writer.raw("HEADER ")
            writer.astring(Array(name.utf8))
            writer.space()
            writer.astring(Array(value.utf8))
        case .since(let date): writer.raw("SINCE \(date)")
        case .before(let date): writer.raw("BEFORE \(date)")
        case .on(let date): writer.raw("ON \(date)")
        case .sentSince(let date): writer.raw("SENTSINCE \(date)")
        case .sentBefore(let date): writer.raw("SENTBEFORE \(date)")
        case .sentOn(let date): writer.raw("SENTON \(date)")
        case .larger(let size): writer.raw("LARGER \(size)")
        case .smaller(let size): writer.raw("SMALLER \(size)")
        case .uid(let set): writer.raw("UID \(set)")
        case .sequence(let set): writer.raw(set.description)
        case .modSeq(let modSeq): writer.raw("MODSEQ \(modSeq)")
        case .not(let key):
            writer.raw("NOT ")
            key.write(to: &writer, nested: true)
        case .or(let a, let b):
            writer.raw("OR ")
            a.write(to: &writer, nested: true)
            writer.space()
            b.write(to: &writer, nested: true)
        case .and(let keys):
            if keys.isEmpty {
                writer.raw("ALL")
            } else if keys.count == 1 {
                keys[0].write(to: &writer, nested: nested)
            } else {
                if nested { writer.raw("(") }
                for (index, key) in keys.enumerated() {
                    if index > 0 { writer.space() }
                    key.write(to: &writer, nested: true)
                }
                if nested { writer.raw(")") }
            }
        }
    }

    private func writeString(_ keyword: String, _ value: String, to writer: inout CommandWriter) {
        writer.raw(keyword)
        writer.space()
        writer.astring(Array(value.utf8))
    }

    private func writeFlag(_ flag: Flag, negated: Bool, to writer: inout CommandWriter) {
        let system = ["answered": "ANSWERED", "deleted": "DELETED", "draft": "DRAFT", "flagged": "FLAGGED",
                      "seen": "SEEN"]
        if let keyword = system[flag.name] {
            writer.raw(negated ? "UN" + keyword : keyword)
        } else if flag == .recent {
            writer.raw(negated ? "OLD" : "RECENT")
        } else {
            writer.raw(negated ? "UNKEYWORD " : "KEYWORD ")
            writer.astring(Array(flag.name.utf8))
        }
    }
}
