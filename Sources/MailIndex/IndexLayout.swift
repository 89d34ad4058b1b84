import CXapian
import MailModel
import MailQuery

/// The layout of Cairn's Xapian index: its version, and how terms are made.
///
/// Prefixes and value slots come from ``MailQuery/SearchField``'s table; the whole layout is
/// written down in `Schemas/index/xapian-schema.md`. A database whose stored version differs from
/// ``version`` must be rebuilt (`cairn reindex`).
public enum IndexLayout {
    /// The layout version, stored in each shard's metadata under `cairn.layout`. Bump it whenever
    /// terms, prefixes, value slots, folding or tokenization change.
    public static let version = 1

    /// The Xapian library's version, e.g. "1.4.22" (for `cairn --version`).
    public static var xapianVersion: String { String(cString: cx_version()) }

    /// Metadata key of the layout version.
    static let versionKey = "cairn.layout"
    /// Metadata key of the stemming language.
    static let languageKey = "cairn.language"

    /// The unique-id term: `Q` + the message's 64 hex digit id.
    static let idPrefix = "Q"
    /// Value slot of the date (seconds since 1970, UTC, sortable_serialise'd).
    static let dateSlot = SearchField.date.index.valueSlot!
    /// Value slot of the size in bytes (sortable_serialise'd).
    static let sizeSlot = SearchField.size.index.valueSlot!
    /// Value slot of the thread id (raw), for collapsing results by thread.
    static let threadSlot = SearchField.thread.index.valueSlot!

    /// The boolean prefixes of the mutable state (rewritten by state updates without reindexing).
    static let statePrefixes: [String] = [SearchField.folder, .account, .flag, .isState, .hold, .thread]
        .flatMap(\.index.booleanPrefixes)

    /// Bytes of a message's body text indexed fully (words, stems and positions); the rest is
    /// indexed by its stems alone, without positions. Indexing a 3.5 MB text with 150,000 distinct
    /// words took 100 MiB in full, 86 MiB this way (38 MiB with stems alone throughout); the
    /// 200,000-message import's peak went from 164 to 137 MiB.
    public static let fullTextBytes = 1 << 20

    /// A body text cut after at most ``fullTextBytes`` bytes, at a space or line break when there is
    /// one in its last kilobyte (else between two Unicode scalars, which may split a grapheme
    /// cluster: term generation needs no more): the fully indexed head and the tail. O(1) in the
    /// text's length.
    static func splitFullText(_ text: String) -> (head: Substring, tail: Substring) {
        let utf8 = text.utf8
        guard utf8.count > fullTextBytes else { return (text[...], text[text.endIndex...]) }
        let limit = utf8.index(utf8.startIndex, offsetBy: fullTextBytes)
        var cut = limit
        var back = limit
        for _ in 0..<1024 {
            let byte = utf8[back]
            if byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 {
                cut = back
                break
            }
            utf8.formIndex(before: &back)
        }
        // A cut inside a scalar's UTF-8 bytes moves back to its first byte (at most 3 steps).
        while cut > utf8.startIndex && UTF8.isContinuation(utf8[cut]) { utf8.formIndex(before: &cut) }
        return (text[..<cut], text[cut...])
    }

    /// Xapian refuses terms over 245 bytes; longer values are cut and given a hash.
    static let maxTermBytes = 240

    /// A boolean term: the prefix and the value, or for long values the prefix, the value's first
    /// 200 bytes (whole characters), `#` and 16 hex digits of the SHA-256 of the whole value.
    static func booleanTerm(_ prefix: String, _ value: String) -> String {
        guard prefix.utf8.count + value.utf8.count > maxTermBytes else { return prefix + value }
        var kept = ""
        var bytes = 0
        for scalar in value.unicodeScalars {
            let size = String(scalar).utf8.count
            if bytes + size > 200 { break }
            kept.unicodeScalars.append(scalar)
            bytes += size
        }
        let digest = SHA256.hash(Array(value.utf8)).hex.prefix(16)
        return prefix + kept + "#" + digest
    }

    /// The single boolean prefix of a field.
    static func prefix(_ field: SearchField) -> String { field.index.booleanPrefixes[0] }

    /// The single text prefix of a field.
    static func textPrefix(_ field: SearchField) -> String { field.index.textPrefixes[0] }
}
