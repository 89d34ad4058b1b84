// The one table of search fields. Indexing (MailIndex), parsing, the IMAP SEARCH translation, help
// text and completion all read it; the index layout it implies is Schemas/index/xapian-schema.md.
extension SearchField {
    /// `from:` the sender's name or address.
    public static let from = SearchField(
        "from", kind: .address, index: IndexTerms(text: ["XF"], boolean: ["XEF"]), inFreeText: true,
        imapKey: "FROM", help: "sender: a name or address, whole or part", example: "from:ann@example.org")
    /// `to:` a To recipient.
    public static let to = SearchField(
        "to", kind: .address, index: IndexTerms(text: ["XT"], boolean: ["XET"]), inFreeText: true,
        imapKey: "TO", help: "a To recipient: name or address, whole or part", example: "to:bob")
    /// `cc:` a Cc recipient.
    public static let cc = SearchField(
        "cc", kind: .address, index: IndexTerms(text: ["XC"], boolean: ["XEC"]), inFreeText: true,
        imapKey: "CC", help: "a Cc recipient: name or address, whole or part", example: "cc:example.org")
    /// `bcc:` a Bcc recipient.
    public static let bcc = SearchField(
        "bcc", kind: .address, index: IndexTerms(text: ["XB"], boolean: ["XEB"]), inFreeText: true,
        imapKey: "BCC", help: "a Bcc recipient: name or address, whole or part", example: "bcc:carol")
    /// `recip:` any recipient (to, cc or bcc).
    public static let recip = SearchField(
        "recip", kind: .address,
        index: IndexTerms(text: to.index.textPrefixes + cc.index.textPrefixes + bcc.index.textPrefixes,
                          boolean: to.index.booleanPrefixes + cc.index.booleanPrefixes + bcc.index.booleanPrefixes),
        imapKey: "TO/CC/BCC", help: "any recipient (to, cc or bcc)", example: "recip:\"Bob Jones\"")
    /// `subject:` words or a phrase of the subject.
    public static let subject = SearchField(
        "subject", kind: .text, index: IndexTerms(text: ["S"], stemmed: true), inFreeText: true,
        imapKey: "SUBJECT", help: "words or a phrase in the subject", example: "subject:\"quarterly report\"")
    /// `body:` words or a phrase of the decoded text.
    public static let body = SearchField(
        "body", kind: .text, index: IndexTerms(text: [""], stemmed: true), inFreeText: true,
        imapKey: "BODY", help: "words or a phrase in the decoded text of text parts (HTML as seen)",
        example: "body:invoice")
    /// `attachment:` / `filename:` an attachment's file name.
    public static let attachment = SearchField(
        "attachment", aliases: ["filename"], kind: .filename, index: IndexTerms(text: ["XN"], boolean: ["XAN"]),
        help: "an attachment's file name: a word of it, or a * pattern over the whole name",
        example: "attachment:*.pdf")
    /// `mime:` a part's content type.
    public static let mime = SearchField(
        "mime", kind: .mimeType, index: IndexTerms(boolean: ["T"]),
        help: "a part's content type (type/subtype, type/* or a pattern)", example: "mime:image/*")
    /// `has:attachment`
    public static let has = SearchField(
        "has", kind: .has, index: IndexTerms(boolean: ["XHAS"]), values: ["attachment"],
        help: "has:attachment: has at least one attachment", example: "has:attachment")
    /// `id:` / `mid:` the Message-ID, exactly.
    public static let id = SearchField(
        "id", aliases: ["mid"], kind: .messageID, index: IndexTerms(boolean: ["XMID"]),
        imapKey: "HEADER Message-ID", help: "the Message-ID, exactly (angle brackets optional)",
        example: "id:abc123@example.org")
    /// `thread:` the thread of a message.
    public static let thread = SearchField(
        "thread", kind: .thread, index: IndexTerms(boolean: ["XTHREAD"], valueSlot: 2),
        help: "messages of the thread of a message (its id, id prefix, Message-ID, or a thread id)",
        example: "thread:9f2c41d07a1e")
    /// `folder:` a folder where the message was seen.
    public static let folder = SearchField(
        "folder", kind: .folder, index: IndexTerms(boolean: ["XFOLDER"]),
        help: "a folder it was seen in (decoded name without the account; * and ? patterns; any case)",
        example: "folder:\"Sent Items\"")
    /// `account:` an account where the message was seen.
    public static let account = SearchField(
        "account", kind: .account, index: IndexTerms(boolean: ["XACCOUNT"]),
        help: "an account it was seen in (* and ? patterns; any case)", example: "account:work")
    /// `date:` a range of whole UTC days.
    public static let date = SearchField(
        "date", kind: .date, index: IndexTerms(valueSlot: 0), imapKey: "SENTSINCE/SENTBEFORE/SENTON",
        help: "dated in A..B, whole UTC days, both ends included: YYYY, YYYY-MM, YYYY-MM-DD, 7d, 2w, 3m, 1y, "
            + "today, yesterday; either side may be empty; one value means that whole period (7d: since then)",
        example: "date:2024-01..2024-03")
    /// `before:` dated before a day.
    public static let before = SearchField(
        "before", kind: .before, index: IndexTerms(valueSlot: 0), imapKey: "SENTBEFORE",
        help: "dated before the given period (the same forms as date:), not on it", example: "before:2024-06-01")
    /// `after:` dated after a day.
    public static let after = SearchField(
        "after", kind: .after, index: IndexTerms(valueSlot: 0), imapKey: "SENTSINCE",
        help: "dated after the given period (the same forms as date:), not on it", example: "after:2w")
    /// `size:` the message size in bytes.
    public static let size = SearchField(
        "size", kind: .size, index: IndexTerms(valueSlot: 1), imapKey: "LARGER/SMALLER",
        help: "size in bytes: >N, >=N, <N, <=N, N, A..B (k = 1024 bytes, M = 1024 k, G = 1024 M)",
        example: "size:>1M")
    /// `flag:` a flag as last seen on the server.
    public static let flag = SearchField(
        "flag", kind: .flag, index: IndexTerms(boolean: ["K"]), imapKey: "SEEN/ANSWERED/FLAGGED/DRAFT/DELETED/KEYWORD",
        values: ["seen", "flagged", "answered", "draft", "deleted"],
        help: "a flag as last seen on the server: seen, flagged, answered, draft, deleted (or a keyword)",
        example: "flag:flagged")
    /// `list:` the List-Id.
    public static let list = SearchField(
        "list", kind: .list, index: IndexTerms(text: ["XL"], boolean: ["XLIST"]), imapKey: "HEADER List-Id",
        help: "the List-Id: the id exactly, or words of it", example: "list:dev.lists.example.org")
    /// `hold:` a legal hold.
    public static let hold = SearchField(
        "hold", kind: .hold, index: IndexTerms(boolean: ["XHOLD"]),
        help: "messages under the legal hold of that name", example: "hold:case-2024")
    /// `is:expunged`
    public static let isState = SearchField(
        "is", kind: .state, index: IndexTerms(boolean: ["XIS"]), values: ["expunged"],
        help: "is:expunged: archived messages the server no longer has", example: "is:expunged")
    /// `query:` a saved search.
    public static let query = SearchField(
        "query", kind: .savedQuery, help: "the saved search of that name, in place", example: "query:work")

    /// Every field, in the order help text lists them.
    public static let all: [SearchField] = [
        from, to, cc, bcc, recip, subject, body, attachment, mime, has, id, thread, folder, account,
        date, before, after, size, flag, list, hold, isState, query,
    ]

    /// The field with this name or alias (any case), if any.
    public static func named(_ name: String) -> SearchField? {
        let lower = name.lowercased()
        return byName[lower]
    }

    private static let byName: [String: SearchField] = {
        var map: [String: SearchField] = [:]
        for field in all { for name in field.names { map[name] = field } }
        return map
    }()

    /// The text prefixes that free words (without a field) search, in table order.
    public static let freeTextPrefixes: [String] = all.filter(\.inFreeText).flatMap(\.index.textPrefixes)
}
