import MailModel

extension GrammarParser {
    // resp-text-code = "ALERT" / "BADCHARSET" [SP "(" charset *(SP charset) ")"] / capability-data /
    //                  "PARSE" / "PERMANENTFLAGS" SP "(" [flag-perm *(SP flag-perm)] ")" /
    //                  "READ-ONLY" / "READ-WRITE" / "TRYCREATE" / "UIDNEXT" SP nz-number /
    //                  "UIDVALIDITY" SP nz-number / "UNSEEN" SP nz-number /
    //                  "HIGHESTMODSEQ" SP mod-sequence-value / "NOMODSEQ" / "MODIFIED" SP sequence-set /
    //                  "APPENDUID" SP nz-number SP append-uid / "COPYUID" SP nz-number SP uid-set SP uid-set /
    //                  "UIDNOTSTICKY" / "CLOSED" / atom [SP 1*<any TEXT-CHAR except "]">]
    // A known code whose arguments do not parse is kept as .other rather than failing the response.
    static func responseCode(_ cursor: inout ParseCursor) throws -> ResponseCode {
        try cursor.expect(UInt8(ascii: "["), "'['")
        let start = cursor
        let name = try cursor.keyword()
        let known = try cursor.attempt { cursor -> ResponseCode? in
            guard let code = try knownCode(name, &cursor) else { return nil }
            try cursor.expect(UInt8(ascii: "]"), "']' closing a response code")
            return code
        }
        if let known, let code = known { return code }
        // Unknown code, or arguments we could not read: keep the text up to the closing bracket.
        cursor = start
        _ = try cursor.keyword()
        var argument: [UInt8]?
        if try cursor.peek() == 0x20 {
            try cursor.skipSpaces()
            argument = try cursor.run("']'", where: { $0 != UInt8(ascii: "]") && $0 != 13 && $0 != 10 })
        }
        try cursor.expect(UInt8(ascii: "]"), "']' closing a response code")
        return .other(name, argument.map(WireText.decode))
    }

    private static func knownCode(_ name: String, _ cursor: inout ParseCursor) throws -> ResponseCode? {
        switch name {
        case "ALERT": return .alert
        case "PARSE": return .parse
        case "READ-ONLY": return .readOnly
        case "READ-WRITE": return .readWrite
        case "TRYCREATE": return .tryCreate
        case "NOMODSEQ": return .noModSeq
        case "UIDNOTSTICKY": return .uidNotSticky
        case "CLOSED": return .closed
        case "CAPABILITY": return .capability(try capabilities(&cursor))
        case "BADCHARSET":
            guard try cursor.peek() == 0x20 else { return .badCharset([]) }
            try cursor.space()
            return .badCharset(try cursor.parenthesizedList { WireText.decode(try $0.astring()) })
        case "PERMANENTFLAGS":
            try cursor.space()
            return .permanentFlags(try flagList(&cursor))
        case "UIDNEXT":
            try cursor.space()
            return .uidNext(UID(try cursor.number32()))
        case "UIDVALIDITY":
            try cursor.space()
            return .uidValidity(UIDValidity(try cursor.number32()))
        case "UNSEEN":
            try cursor.space()
            return .unseen(SequenceNumber(try cursor.number32()))
        case "HIGHESTMODSEQ":
            try cursor.space()
            return .highestModSeq(ModSeq(try cursor.number()))
        case "MODIFIED":
            try cursor.space()
            return .modified(SequenceSet(rawRanges: try sequenceSet(&cursor)))
        case "APPENDUID":
            try cursor.space()
            let validity = UIDValidity(try cursor.number32())
            try cursor.space()
            return .appendUID(validity, UIDSet(rawRanges: try sequenceSet(&cursor)))
        case "COPYUID":
            try cursor.space()
            let validity = UIDValidity(try cursor.number32())
            try cursor.space()
            let source = UIDSet(rawRanges: try sequenceSet(&cursor))
            try cursor.space()
            return .copyUID(validity, source, UIDSet(rawRanges: try sequenceSet(&cursor)))
        default:
            return nil
        }
    }

    // sequence-set = (seq-number / seq-range) ["," sequence-set]
    // seq-range    = seq-number ":" seq-number ; seq-number = nz-number / "*"
    static func sequenceSet(_ cursor: inout ParseCursor) throws -> [ClosedRange<UInt32>] {
        var ranges: [ClosedRange<UInt32>] = []
        repeat {
            let low = try sequenceNumber(&cursor)
            var high = low
            if try cursor.consume(UInt8(ascii: ":")) { high = try sequenceNumber(&cursor) }
            ranges.append(min(low, high)...max(low, high))
            guard ranges.count <= cursor.options.maxAttributeCount else {
                throw ResponseLimitError(limit: .attributeCount, actualCount: ranges.count,
                                         maximumCount: cursor.options.maxAttributeCount)
            }
        } while try cursor.consume(UInt8(ascii: ","))
        return ranges
    }

    private static func sequenceNumber(_ cursor: inout ParseCursor) throws -> UInt32 {
        if try cursor.consume(UInt8(ascii: "*")) { return UInt32.max }
        return try cursor.number32()
    }
}
