import MailModel

/// The value of a ``QueryTerm``, already interpreted according to its field.
public enum QueryValue: Hashable, Sendable {
    /// Words as written (one bare word; the index tokenizes it as it tokenized the mail, so
    /// `e-mail` or `report.pdf` become phrases and CJK text becomes n-grams).
    case words(String)
    /// A quoted phrase: the words in this order, next to each other.
    case phrase(String)
    /// `word*`: any word starting with this (case- and accent-folded by the index).
    case prefix(String)
    /// One whole address, exactly (lowercase): `from:ann@example.org`.
    case address(String)
    /// A name or pattern over whole names: folders, accounts, attachment names, content types.
    case glob(GlobPattern)
    /// An exact value: a Message-ID (without angle brackets), a thread reference, a hold's name,
    /// `attachment` for `has:`, `expunged` for `is:`.
    case exact(String)
    /// A range of whole UTC days.
    case dates(DateRange)
    /// A range of sizes in bytes.
    case sizes(SizeRange)
    /// A flag as last seen on the server.
    case flag(Flag)
}
