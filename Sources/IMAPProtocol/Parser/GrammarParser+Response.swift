import MailModel

extension GrammarParser {
    // continue-req = "+" SP (resp-text / base64) CRLF      ; "+" CRLF is accepted too
    static func continuation(_ cursor: inout ParseCursor) throws -> ContinuationRequest {
        try cursor.expect(UInt8(ascii: "+"), "'+'")
        _ = try cursor.consume(0x20)
        let text = try cursor.textToLineEnd()
        try cursor.lineEnd()
        return ContinuationRequest(text: WireText.decode(text))
    }

    // response-tagged = tag SP resp-cond-state CRLF
    // tag             = 1*<any ASTRING-CHAR except "+">
    static func tagged(_ cursor: inout ParseCursor) throws -> TaggedResponse {
        let tag = try cursor.run("a tag", where: { ParseCursor.isAtomChar($0) && $0 != UInt8(ascii: "+") || $0 == UInt8(ascii: "]") })
        try cursor.space()
        let word = try cursor.keyword()
        guard let state = ResponseState(rawValue: word) else { throw ResponseParseError(expected: "OK, NO or BAD", found: nil) }
        let text = try responseText(&cursor)
        try cursor.lineEnd()
        return TaggedResponse(tag: String(decoding: tag, as: UTF8.self), state: state, text: text)
    }

    // resp-text = ["[" resp-text-code "]" SP] [text]         ; the SP and text may be missing
    static func responseText(_ cursor: inout ParseCursor) throws -> ResponseText {
        if try cursor.atLineEnd() { return ResponseText(text: "") }
        try cursor.space()
        var code: ResponseCode?
        if try cursor.peek() == UInt8(ascii: "[") {
            code = try responseCode(&cursor)
            try cursor.skipSpaces()
        }
        let text = try cursor.textToLineEnd()
        return ResponseText(code: code, text: WireText.decode(text))
    }

    // response-data = "*" SP (resp-cond-state / resp-cond-bye / mailbox-data / message-data /
    //                 capability-data / enable-data / id-response / namespace-response) CRLF
    // message-data  = nz-number SP ("EXPUNGE" / ("FETCH" SP msg-att))   ; FETCH is streamed elsewhere
    // mailbox-data  =/ number SP "EXISTS" / number SP "RECENT"
    static func untagged(_ cursor: inout ParseCursor) throws -> UntaggedResponse {
        try cursor.expect(UInt8(ascii: "*"), "'*'")
        try cursor.space()
        if let first = try? cursor.peek(), first >= 0x30 && first <= 0x39 {
            let number = try cursor.number32()
            try cursor.space()
            let word = try cursor.keyword()
            let response: UntaggedResponse
            switch word {
            case "EXISTS": response = .exists(Int(number))
            case "RECENT": response = .recent(Int(number))
            case "EXPUNGE": response = .expunge(SequenceNumber(number))
            default:
                try cursor.skipToLineEnd()
                return .other(word)
            }
            try cursor.lineEnd()
            return response
        }
        let word = try cursor.keyword()
        let response: UntaggedResponse
        switch word {
        case "OK": response = .ok(try responseText(&cursor))
        case "NO": response = .no(try responseText(&cursor))
        case "BAD": response = .bad(try responseText(&cursor))
        case "BYE": response = .bye(try responseText(&cursor))
        case "PREAUTH": response = .preauth(try responseText(&cursor))
        case "CAPABILITY": response = .capability(try capabilities(&cursor))
        case "ENABLED": response = .enabled(try capabilities(&cursor))
        case "FLAGS":
            try cursor.space()
            response = .flags(try flagList(&cursor))
        case "LIST":
            try cursor.space()
            response = .list(try mailboxList(&cursor))
        case "LSUB":
            try cursor.space()
            response = .lsub(try mailboxList(&cursor))
        case "STATUS":
            try cursor.space()
            response = .status(try status(&cursor))
        case "SEARCH", "SORT":
            response = try search(&cursor)
        case "ESEARCH":
            response = .esearch(try extendedSearch(&cursor))
        case "VANISHED":
            try cursor.space()
            response = try vanished(&cursor)
        case "ID":
            try cursor.space()
            response = .id(try idParameters(&cursor))
        case "NAMESPACE":
            try cursor.space()
            response = .namespace(try namespace(&cursor))
        default:
            try cursor.skipToLineEnd()
            return .other(word)
        }
        try cursor.lineEnd()
        return response
    }

    // capability-data = "CAPABILITY" *(SP capability)   ; also after ENABLED
    static func capabilities(_ cursor: inout ParseCursor) throws -> [Capability] {
        var result: [Capability] = []
        while try !cursor.atLineEnd() && cursor.peek() != UInt8(ascii: "]") {
            try cursor.space()
            if try cursor.atLineEnd() || cursor.peek() == UInt8(ascii: "]") { break }
            result.append(Capability(String(decoding: try cursor.atom(), as: UTF8.self)))
            guard result.count <= cursor.options.maxAttributeCount else {
                throw ResponseLimitError(limit: .attributeCount, actualCount: result.count,
                                         maximumCount: cursor.options.maxAttributeCount)
            }
        }
        return result
    }

    // flag-list = "(" [flag *(SP flag)] ")"
    // flag      = "\Answered" / "\Flagged" / "\Deleted" / "\Seen" / "\Draft" / flag-keyword / flag-extension
    static func flagList(_ cursor: inout ParseCursor) throws -> [Flag] {
        try cursor.parenthesizedList { try flag(&$0) }
    }

    // flag-perm = flag / "\*"
    static func flag(_ cursor: inout ParseCursor) throws -> Flag {
        let backslash = try cursor.consume(UInt8(ascii: "\\"))
        if backslash, try cursor.consume(UInt8(ascii: "*")) { return Flag("\\*") }
        let name = try cursor.atom()
        return Flag((backslash ? "\\" : "") + WireText.decode(name))
    }
}
