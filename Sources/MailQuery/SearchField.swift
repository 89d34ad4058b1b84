/// One field of the query language (`from:`, `date:`, ...): the single definition that drives
/// indexing, query parsing, the IMAP SEARCH translation, `--help` text and shell completion.
///
/// The table itself is ``SearchField/all``; the index layout it implies is written down in
/// `Schemas/index/xapian-schema.md`.
public struct SearchField: Hashable, Sendable, CustomStringConvertible {
    /// What a field's values mean, and so how they are parsed and searched.
    public enum Kind: Hashable, Sendable {
        /// Words, phrases and `word*` prefixes in stemmed text (`subject:`, `body:`).
        case text
        /// Names and addresses: words, phrases, prefixes, or one whole address exactly.
        case address
        /// An attachment's file name: words or a `*` pattern over the whole name.
        case filename
        /// A part's content type: `type/subtype`, `type/*`, or a pattern.
        case mimeType
        /// A fixed property of the message (`has:attachment`).
        case has
        /// The Message-ID header, exactly.
        case messageID
        /// The thread of a message, named by its id, Message-ID or thread id.
        case thread
        /// A folder's decoded name, exactly or as a pattern.
        case folder
        /// An account's name, exactly or as a pattern.
        case account
        /// A range of whole UTC days (`date:A..B`).
        case date
        /// Days before a date (`before:`); parsed into a `date` range.
        case before
        /// Days after a date (`after:`); parsed into a `date` range.
        case after
        /// A range of sizes in bytes.
        case size
        /// A flag as last seen on the server.
        case flag
        /// The List-Id header.
        case list
        /// A legal hold by name.
        case hold
        /// An archive state (`is:expunged`).
        case state
        /// A saved search, expanded in place (`query:NAME`).
        case savedQuery
    }

    /// How a field's values are stored in the Xapian index (see `Schemas/index/xapian-schema.md`).
    public struct IndexTerms: Hashable, Sendable {
        /// Prefixes of the free-text terms (made by Xapian's TermGenerator, with positions); "" is
        /// the unprefixed body text. A query on the field searches all of them.
        public var textPrefixes: [String]
        /// Prefixes of the exact (boolean) terms; a query on the field searches all of them.
        public var booleanPrefixes: [String]
        /// The value slot holding the field's number (date, size), if any.
        public var valueSlot: Int?
        /// Whether the field's text is stemmed (subject and body are; names and file names are not).
        public var stemmed: Bool

        /// Describes a field's index terms.
        public init(text: [String] = [], boolean: [String] = [], valueSlot: Int? = nil, stemmed: Bool = false) {
            self.textPrefixes = text
            self.booleanPrefixes = boolean
            self.valueSlot = valueSlot
            self.stemmed = stemmed
        }
    }

    /// The name typed before the colon, lowercase.
    public let name: String
    /// Other names for the same field (`mid` for `id`, `filename` for `attachment`).
    public let aliases: [String]
    /// What the values mean.
    public let kind: Kind
    /// The field's terms and value slot in the index.
    public let index: IndexTerms
    /// Whether free words (without a field) also search this field.
    public let inFreeText: Bool
    /// The IMAP SEARCH key the field translates to (RFC 3501 6.4.4), nil when it cannot be sent.
    public let imapKey: String?
    /// The fixed values the field accepts (`flag:`, `has:`, `is:`); empty when values are free.
    public let values: [String]
    /// One line for `--help`.
    public let help: String
    /// An example of use.
    public let example: String

    /// Creates a field definition (the table is ``SearchField/all``).
    init(_ name: String, aliases: [String] = [], kind: Kind, index: IndexTerms = IndexTerms(),
         inFreeText: Bool = false, imapKey: String? = nil, values: [String] = [], help: String, example: String) {
        self.name = name
        self.aliases = aliases
        self.kind = kind
        self.index = index
        self.inFreeText = inFreeText
        self.imapKey = imapKey
        self.values = values
        self.help = help
        self.example = example
    }

    /// All names the field answers to: its name, then its aliases.
    public var names: [String] { [name] + aliases }

    /// `name:`
    public var description: String { name + ":" }

    /// Fields are identified by name.
    public static func == (lhs: SearchField, rhs: SearchField) -> Bool { lhs.name == rhs.name }

    /// Hashes the name.
    public func hash(into hasher: inout Hasher) { hasher.combine(name) }
}
