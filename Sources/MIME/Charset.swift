/// A charset as mail labels it, normalised to what can decode it (RFC 2045 5.1, RFC 2978).
///
/// Aliases and common mislabels are mapped to the superset that real senders meant: ISO-8859-1 to
/// Windows-1252, GB2312 and GBK to GB18030, EUC-KR and KS_C_5601 to CP949, Shift_JIS to CP932,
/// Big5 to Big5-HKSCS. Labels that name no charset at all (`x-unknown`, `unknown-8bit`, `default`)
/// count as missing.
public struct Charset: Hashable, Sendable, CustomStringConvertible {
    enum Kind: Hashable, Sendable {
        /// No usable label: ASCII, else UTF-8, else Windows-1252.
        case unlabelled
        /// US-ASCII as declared: the same fallbacks as unlabelled.
        case ascii
        case utf8
        case windows1252
        /// Another charset, by its iconv name.
        case iconv(String)
    }

    let kind: Kind
    /// The label as the message wrote it, lowercased and trimmed (empty when missing).
    public let label: String

    /// Interprets a label from a Content-Type charset parameter or an encoded-word; nil means missing.
    public init(label: String?) {
        var name = (label ?? "").lowercased()
        name = String(name.drop { $0 == " " || $0 == "\"" || $0 == "'" || $0 == "\t" })
        while let last = name.last, last == " " || last == "\"" || last == "'" || last == "\t" || last == ";" {
            name.removeLast()
        }
        if let star = name.firstIndex(of: "*") { name = String(name[..<star]) }  // RFC 2231 language
        self.label = name
        self.kind = Charset.classify(name)
    }

    /// The charset's canonical name as decoded (`utf-8`, `windows-1252`, the iconv name, or `us-ascii`).
    public var description: String {
        switch kind {
        case .unlabelled, .ascii: return "us-ascii"
        case .utf8: return "utf-8"
        case .windows1252: return "windows-1252"
        case .iconv(let name): return name.lowercased()
        }
    }

    /// Whether the label was missing or meaningless.
    public var isUnlabelled: Bool { kind == .unlabelled }

    private static let unlabelled: Set<String> = [
        "", "x-unknown", "unknown", "unknown-8bit", "x-user-defined", "default", "default_charset",
        "charset", "none", "8bit", "7bit", "x-binaryenc", "binary", "text", "plain", "us", "x-mac-unknown",
    ]
    private static let ascii: Set<String> = [
        "us-ascii", "ascii", "ansi_x3.4-1968", "ansi_x3.4-1986", "iso646-us", "iso-646-us", "ibm367", "cp367",
        "csascii", "iso-ir-6", "us_ascii", "usascii",
    ]
    private static let utf8: Set<String> = [
        "utf-8", "utf8", "utf_8", "unicode-1-1-utf-8", "unicode-2-0-utf-8", "x-unicode20utf8", "x-utf-8", "utf-8n",
    ]
    private static let windows1252: Set<String> = [
        "windows-1252", "cp1252", "x-cp1252", "win-1252", "windows1252", "cp-1252", "ms-ansi",
        "iso-8859-1", "iso8859-1", "iso_8859-1", "iso-8859-1:1987", "iso_8859-1:1987", "iso8859_1", "8859-1",
        "latin1", "latin-1", "l1", "iso-ir-100", "ibm819", "cp819", "csisolatin1", "iso88591", "iso-88591",
        "western", "x-ansi", "ansi",
    ]
    private static let remapped: [String: String] = [
        "ks_c_5601-1987": "CP949", "ks_c_5601": "CP949", "ks_c_5601-1989": "CP949", "ksc5601": "CP949",
        "ksc_5601": "CP949", "euc-kr": "CP949", "euckr": "CP949", "korean": "CP949", "x-windows-949": "CP949",
        "windows-949": "CP949", "cseuckr": "CP949",
        "gb2312": "GB18030", "gbk": "GB18030", "x-gbk": "GB18030", "cp936": "GB18030", "euc-cn": "GB18030",
        "chinese": "GB18030", "csgb2312": "GB18030", "gb_2312-80": "GB18030", "gb2312-80": "GB18030",
        "x-euc-cn": "GB18030", "windows-936": "GB18030", "gb_2312": "GB18030",
        "big5": "BIG5-HKSCS", "big-5": "BIG5-HKSCS", "x-x-big5": "BIG5-HKSCS", "cn-big5": "BIG5-HKSCS",
        "csbig5": "BIG5-HKSCS", "x-big5": "BIG5-HKSCS", "cp950": "BIG5-HKSCS", "big5-hkscs": "BIG5-HKSCS",
        "shift_jis": "CP932", "shift-jis": "CP932", "sjis": "CP932", "x-sjis": "CP932", "ms_kanji": "CP932",
        "csshiftjis": "CP932", "windows-31j": "CP932", "cp932": "CP932", "x-ms-cp932": "CP932", "s-jis": "CP932",
        "euc-jp": "EUC-JP-MS", "x-euc-jp": "EUC-JP-MS", "eucjp": "EUC-JP-MS", "cseucpkdfmtjapanese": "EUC-JP-MS",
        "iso-2022-jp": "ISO-2022-JP-2", "csiso2022jp": "ISO-2022-JP-2", "iso-2022-jp-1": "ISO-2022-JP-2",
        "iso-8859-8-i": "ISO-8859-8", "iso-8859-8-e": "ISO-8859-8", "iso-8859-6-i": "ISO-8859-6",
        "iso-8859-6-e": "ISO-8859-6", "logical": "ISO-8859-8", "visual": "ISO-8859-8",
        "tis-620": "CP874", "windows-874": "CP874", "iso-8859-11": "CP874", "x-windows-874": "CP874", "dos-874": "CP874",
        "iso-8859-9": "CP1254", "latin5": "CP1254", "iso8859-9": "CP1254",
        "unicode": "UTF-16", "ucs-2": "UTF-16", "ucs2": "UTF-16", "csunicode": "UTF-16", "iso-10646-ucs-2": "UTF-16",
        "x-mac-roman": "MACINTOSH", "macintosh": "MACINTOSH", "mac": "MACINTOSH", "x-mac": "MACINTOSH",
        "x-mac-cyrillic": "MAC-CYRILLIC", "koi8": "KOI8-R", "x-koi8-r": "KOI8-R", "koi": "KOI8-R",
        "iso-8859-15": "ISO-8859-15", "latin9": "ISO-8859-15", "latin-9": "ISO-8859-15",
    ]

    private static func classify(_ name: String) -> Kind {
        if unlabelled.contains(name) { return .unlabelled }
        if ascii.contains(name) { return .ascii }
        if utf8.contains(name) { return .utf8 }
        if windows1252.contains(name) { return .windows1252 }
        if let mapped = remapped[name] { return .iconv(mapped) }
        // windows-125x, win-1251, cp-1250, x-cp1250 ...
        for prefix in ["windows-", "windows", "win-", "win", "x-cp", "cp-", "cp", "ms-"] where name.hasPrefix(prefix) {
            let rest = name.dropFirst(prefix.count)
            if rest.count == 4, rest.hasPrefix("125"), rest.allSatisfy(\.isNumber) {
                return rest == "1252" ? .windows1252 : .iconv("CP" + rest)
            }
        }
        // iso8859-2, iso_8859-2, iso-8859_2, 8859-2 ...
        let compact = name.filter { $0 != "-" && $0 != "_" && $0 != " " }
        for prefix in ["iso8859", "8859"] where compact.hasPrefix(prefix) {
            let rest = compact.dropFirst(prefix.count)
            if let number = Int(rest), (1...16).contains(number), number != 12 {
                if number == 1 { return .windows1252 }
                if number == 9 { return .iconv("CP1254") }
                if number == 11 { return .iconv("CP874") }
                return .iconv("ISO-8859-\(number)")
            }
        }
        let allowed = name.unicodeScalars.allSatisfy {
            ($0.value >= 0x30 && $0.value <= 0x39) || ($0.value >= 0x61 && $0.value <= 0x7A)
                || $0 == "-" || $0 == "_" || $0 == "." || $0 == ":"
        }
        guard allowed, name.count <= 40 else { return .iconv("") }
        return .iconv(name.uppercased())
    }
}
