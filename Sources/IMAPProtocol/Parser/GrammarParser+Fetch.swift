import MailModel

/// What parsing one FETCH attribute gave.
enum FetchAttributeStep {
    /// A complete attribute.
    case attribute(MessageAttribute)
    /// A body section whose literal of `size` bytes starts right after the cursor.
    case bodyLiteral(StreamingKind, size: Int)
    /// A body section sent as a quoted string.
    case bodyInline(StreamingKind, [UInt8])
}

extension GrammarParser {
    // msg-att-static = "ENVELOPE" SP envelope / "INTERNALDATE" SP date-time / "RFC822" [".HEADER" / ".TEXT"] SP nstring /
    //                  "RFC822.SIZE" SP number / "BODY" ["STRUCTURE"] SP body /
    //                  "BODY" section ["<" number ">"] SP nstring / "BINARY" section-binary ["<" number ">"] SP
    //                  (nstring / literal8) / "BINARY.SIZE" section-binary SP number / "UID" SP uniqueid
    // msg-att-dynamic = "FLAGS" SP "(" [flag-fetch *(SP flag-fetch)] ")" / "MODSEQ" SP "(" mod-sequence-value ")"
    static func fetchAttribute(_ cursor: inout ParseCursor) throws -> FetchAttributeStep {
        let nameBytes = try cursor.run("a FETCH attribute name", where: {
            ParseCursor.isAtomChar($0) && $0 != UInt8(ascii: "[")
        })
        let name = String(decoding: nameBytes.map { $0 >= 0x61 && $0 <= 0x7A ? $0 - 0x20 : $0 }, as: UTF8.self)
        switch name {
        case "UID":
            try cursor.space()
            return .attribute(.uid(UID(try cursor.number32())))
        case "FLAGS":
            try cursor.space()
            return .attribute(.flags(try flagList(&cursor)))
        case "RFC822.SIZE":
            try cursor.space()
            return .attribute(.rfc822Size(try cursor.int()))
        case "INTERNALDATE":
            try cursor.space()
            return .attribute(.internalDate(try dateTime(&cursor)))
        case "MODSEQ":
            try cursor.space()
            try cursor.expect(UInt8(ascii: "("), "'(' before MODSEQ value")
            let value = try cursor.number()
            try cursor.expect(UInt8(ascii: ")"), "')' after MODSEQ value")
            return .attribute(.modSeq(ModSeq(value)))
        case "ENVELOPE":
            try cursor.space()
            return .attribute(.envelope(try envelope(&cursor)))
        case "BODYSTRUCTURE":
            try cursor.space()
            return .attribute(.bodyStructure(try body(&cursor)))
        case "BODY" where try cursor.peek() != UInt8(ascii: "["):
            try cursor.space()
            return .attribute(.bodyStructure(try body(&cursor)))
        case "BODY":
            let section = try sectionSpecifier(&cursor)
            let offset = try origin(&cursor)
            return try bodyValue(.body(section, offset: offset), &cursor)
        case "BINARY":
            let part = try binarySection(&cursor)
            let offset = try origin(&cursor)
            return try bodyValue(.binary(part: part, offset: offset), &cursor)
        case "BINARY.SIZE":
            let part = try binarySection(&cursor)
            try cursor.space()
            return .attribute(.binarySize(part: part, size: try cursor.int()))
        case "RFC822":
            return try bodyValue(.rfc822, &cursor)
        case "RFC822.HEADER":
            return try bodyValue(.rfc822Header, &cursor)
        case "RFC822.TEXT":
            return try bodyValue(.rfc822Text, &cursor)
        case "X-GM-MSGID":
            try cursor.space()
            return .attribute(.gmailMessageID(try cursor.number()))
        case "X-GM-THRID":
            try cursor.space()
            return .attribute(.gmailThreadID(try cursor.number()))
        case "X-GM-LABELS":
            try cursor.space()
            return .attribute(.gmailLabels(try cursor.parenthesizedList { cursor -> String in
                let backslash = try cursor.consume(UInt8(ascii: "\\"))
                return (backslash ? "\\" : "") + WireText.decode(try cursor.astring())
            }))
        default:
            if try cursor.peek() == UInt8(ascii: "[") { try cursor.skipValue() }
            if try cursor.peek() == UInt8(ascii: "<") {
                _ = try cursor.run("'>'", where: { $0 != UInt8(ascii: ">") && $0 != 13 && $0 != 10 })
                try cursor.expect(UInt8(ascii: ">"), "'>'")
            }
            try cursor.space()
            try cursor.skipValue()
            return .attribute(.other(name))
        }
    }

    private static func bodyValue(_ kind: StreamingKind, _ cursor: inout ParseCursor) throws -> FetchAttributeStep {
        try cursor.space()
        switch try cursor.peek() {
        case UInt8(ascii: "{"), UInt8(ascii: "~"):
            let (size, _) = try cursor.literalHeader()
            guard size <= cursor.options.maxBodyLiteralSize else {
                throw ResponseLimitError(limit: .bodyLiteralSize, actualCount: size,
                                         maximumCount: cursor.options.maxBodyLiteralSize)
            }
            return .bodyLiteral(kind, size: size)
        case UInt8(ascii: "\""):
            return .bodyInline(kind, try cursor.quoted())
        default:
            guard try cursor.consumeNil() else { throw cursor.failure("a literal, quoted string or NIL for a body section") }
            return .attribute(.nilBody(kind))
        }
    }

    // section = "[" [section-spec] "]"
    // section-spec = section-msgtext / (section-part ["." section-text])
    // section-msgtext = "HEADER" / "HEADER.FIELDS" [".NOT"] SP header-list / "TEXT"
    // section-part = nz-number *("." nz-number) ; section-text = section-msgtext / "MIME"
    static func sectionSpecifier(_ cursor: inout ParseCursor) throws -> SectionSpecifier {
        try cursor.expect(UInt8(ascii: "["), "'[' opening a section")
        var part: [Int] = []
        var kind = SectionSpecifier.Kind.complete
        while try cursor.peek() != UInt8(ascii: "]") {
            let byte = try cursor.peek()
            if byte >= 0x30 && byte <= 0x39 {
                part.append(try cursor.int())
                guard part.count <= cursor.options.maxNesting else {
                    throw ResponseLimitError(limit: .nesting, actualCount: part.count, maximumCount: cursor.options.maxNesting)
                }
                if try cursor.consume(UInt8(ascii: ".")) { continue }
                break
            }
            let word = try cursor.run("a section name", where: {
                ParseCursor.isAtomChar($0) && $0 != UInt8(ascii: "[")
            }).map { $0 >= 0x61 && $0 <= 0x7A ? $0 - 0x20 : $0 }
            switch String(decoding: word, as: UTF8.self) {
            case "HEADER": kind = .header
            case "TEXT": kind = .text
            case "MIME": kind = .mime
            case "HEADER.FIELDS":
                try cursor.space()
                kind = .headerFields(try cursor.parenthesizedList { WireText.decode(try $0.astring()) })
            case "HEADER.FIELDS.NOT":
                try cursor.space()
                kind = .headerFieldsNot(try cursor.parenthesizedList { WireText.decode(try $0.astring()) })
            default:
                throw ResponseParseError(expected: "HEADER, HEADER.FIELDS, TEXT or MIME in a section", found: word.first)
            }
            break
        }
        try cursor.expect(UInt8(ascii: "]"), "']' closing a section")
        return SectionSpecifier(part: part, kind: kind)
    }

    // section-binary = "[" [section-part] "]"
    static func binarySection(_ cursor: inout ParseCursor) throws -> [Int] {
        try cursor.expect(UInt8(ascii: "["), "'[' opening a binary section")
        var part: [Int] = []
        while try cursor.peek() != UInt8(ascii: "]") {
            part.append(try cursor.int())
            guard part.count <= cursor.options.maxNesting else {
                throw ResponseLimitError(limit: .nesting, actualCount: part.count, maximumCount: cursor.options.maxNesting)
            }
            if !(try cursor.consume(UInt8(ascii: "."))) { break }
        }
        try cursor.expect(UInt8(ascii: "]"), "']' closing a binary section")
        return part
    }

    // "<" number ">"
    static func origin(_ cursor: inout ParseCursor) throws -> Int? {
        guard try cursor.consume(UInt8(ascii: "<")) else { return nil }
        let value = try cursor.int()
        try cursor.expect(UInt8(ascii: ">"), "'>' closing a partial origin")
        return value
    }

    // date-time = DQUOTE date-day-fixed "-" date-month "-" date-year SP time SP zone DQUOTE
    // date-day-fixed = (SP DIGIT) / 2DIGIT ; time = 2DIGIT ":" 2DIGIT ":" 2DIGIT ; zone = ("+" / "-") 4DIGIT
    static func dateTime(_ cursor: inout ParseCursor) throws -> Timestamp {
        let text = try cursor.quoted()
        guard let timestamp = InternalDateParser.parse(text) else {
            throw ResponseParseError(expected: "a date-time like \"17-Jul-1996 02:44:25 -0700\"", found: text.first)
        }
        return timestamp
    }
}
