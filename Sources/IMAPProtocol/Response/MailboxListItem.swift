/// One mailbox in a LIST or LSUB reply: attributes, hierarchy delimiter and encoded name.
///
/// ```
/// S: * LIST (\HasNoChildren \Sent) "." "Sent"
/// ```
/// - SeeAlso: RFC 3501 7.2.2, RFC 5258 (extended data), RFC 6154 (special use).
public struct MailboxListItem: Hashable, Sendable {
    /// The attributes as sent (`\HasNoChildren`, `\Noselect`, `\Sent`...).
    public var attributes: [MailboxAttribute]
    /// The hierarchy delimiter, nil for a flat namespace.
    public var delimiter: UInt8?
    /// The name on the wire.
    public var name: EncodedMailbox
    /// RFC 5258 extended data items by upper-cased tag (`CHILDINFO`, `OLDNAME`), values as raw text.
    public var extendedData: [String: String]

    /// A list item.
    public init(attributes: [MailboxAttribute], delimiter: UInt8?, name: EncodedMailbox,
                extendedData: [String: String] = [:]) {
        self.attributes = attributes
        self.delimiter = delimiter
        self.name = name
        self.extendedData = extendedData
    }

    /// The special use of the mailbox, if one of its attributes says so.
    public var specialUse: MailboxAttribute? { attributes.first(where: \.isSpecialUse) }

    /// Whether the mailbox can be selected (not `\Noselect` or `\NonExistent`).
    public var isSelectable: Bool { !attributes.contains(.noSelect) && !attributes.contains(.nonExistent) }
}

/// A mailbox attribute, compared case-insensitively (`\Sent`, `\HasChildren`, `\Noselect`).
///
/// - SeeAlso: RFC 3501 7.2.2, RFC 5258 3.4, RFC 6154 2.
public struct MailboxAttribute: Hashable, Sendable, CustomStringConvertible {
    /// The attribute with its backslash, in canonical case for the known ones.
    public let name: String

    /// An attribute; known names are given their canonical spelling.
    public init(_ name: String) {
        let lower = name.lowercased()
        self.name = MailboxAttribute.canonical[lower] ?? name
    }

    private static let canonical: [String: String] = Dictionary(uniqueKeysWithValues: [
        "\\Noselect", "\\NonExistent", "\\Noinferiors", "\\Marked", "\\Unmarked", "\\HasChildren",
        "\\HasNoChildren", "\\Subscribed", "\\Remote", "\\All", "\\Archive", "\\Drafts", "\\Flagged",
        "\\Junk", "\\Sent", "\\Trash", "\\Important",
    ].map { ($0.lowercased(), $0) })

    private static let specialUses: Set<String> = ["\\All", "\\Archive", "\\Drafts", "\\Flagged", "\\Junk", "\\Sent",
                                                   "\\Trash", "\\Important"]

    /// Whether this is a special-use attribute (RFC 6154, RFC 8457 for \Important).
    public var isSpecialUse: Bool { MailboxAttribute.specialUses.contains(name) }

    /// `\Noselect`.
    public static let noSelect = MailboxAttribute("\\Noselect")
    /// `\NonExistent`.
    public static let nonExistent = MailboxAttribute("\\NonExistent")
    /// `\HasChildren`.
    public static let hasChildren = MailboxAttribute("\\HasChildren")
    /// `\HasNoChildren`.
    public static let hasNoChildren = MailboxAttribute("\\HasNoChildren")
    /// `\All`.
    public static let all = MailboxAttribute("\\All")
    /// `\Archive`.
    public static let archive = MailboxAttribute("\\Archive")
    /// `\Drafts`.
    public static let drafts = MailboxAttribute("\\Drafts")
    /// `\Flagged`.
    public static let flagged = MailboxAttribute("\\Flagged")
    /// `\Junk`.
    public static let junk = MailboxAttribute("\\Junk")
    /// `\Sent`.
    public static let sent = MailboxAttribute("\\Sent")
    /// `\Trash`.
    public static let trash = MailboxAttribute("\\Trash")

    /// The attribute as written.
    public var description: String { name }
}
