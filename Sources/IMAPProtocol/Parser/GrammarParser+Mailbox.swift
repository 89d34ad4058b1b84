import MailModel

extension GrammarParser {
    // mailbox-list = "(" [mbx-list-flags] ")" SP (DQUOTE QUOTED-CHAR DQUOTE / nil) SP mailbox
    //                [SP mbox-list-extended]
    // mbox-list-extended = "(" [mbox-list-extended-item *(SP mbox-list-extended-item)] ")"
    // mbox-list-extended-item = mbox-list-extended-item-tag SP tagged-ext-val
    static func mailboxList(_ cursor: inout ParseCursor) throws -> MailboxListItem {
        let attributes = try cursor.parenthesizedList { cursor -> MailboxAttribute in
            let backslash = try cursor.consume(UInt8(ascii: "\\"))
            return MailboxAttribute((backslash ? "\\" : "") + WireText.decode(try cursor.atom()))
        }
        try cursor.space()
        let delimiter = try listDelimiter(&cursor)
        try cursor.space()
        let name = try mailbox(&cursor)
        var extended: [String: String] = [:]
        if try !cursor.atLineEnd() {
            try cursor.space()
            _ = try cursor.parenthesizedList { cursor -> Void in
                let tag = WireText.decode(try cursor.astring()).uppercased()
                try cursor.space()
                let valueStart = cursor.buffer
                try cursor.skipValue()
                let length = cursor.buffer.readerIndex - valueStart.readerIndex
                extended[tag] = WireText.decode(valueStart.getBytes(at: valueStart.readerIndex, length: length) ?? [])
            }
        }
        return MailboxListItem(attributes: attributes, delimiter: delimiter, name: name, extendedData: extended)
    }

    // DQUOTE QUOTED-CHAR DQUOTE / nil
    static func listDelimiter(_ cursor: inout ParseCursor) throws -> UInt8? {
        if try cursor.consumeNil() { return nil }
        let quoted = try cursor.quoted()
        guard quoted.count == 1 else { throw ResponseParseError(expected: "a one-character hierarchy delimiter", found: nil) }
        return quoted[0]
    }

    // mailbox = "INBOX" / astring
    static func mailbox(_ cursor: inout ParseCursor) throws -> EncodedMailbox {
        let bytes = try cursor.astring()
        if bytes.count == 5 && bytes.map({ $0 & 0xDF }) == Array("INBOX".utf8) { return .inbox }
        return EncodedMailbox(bytes: bytes)
    }

    // mailbox-data =/ "STATUS" SP mailbox SP "(" [status-att-list] ")"
    // status-att-list = status-att-val *(SP status-att-val)
    static func status(_ cursor: inout ParseCursor) throws -> MailboxStatus {
        var status = MailboxStatus(mailbox: try mailbox(&cursor))
        try cursor.skipSpaces()
        _ = try cursor.parenthesizedList { cursor -> Void in
            let name = try cursor.keyword()
            try cursor.space()
            let value = try cursor.number()
            switch name {
            case "MESSAGES": status.messages = Int(value)
            case "RECENT": status.recent = Int(value)
            case "UIDNEXT": status.uidNext = UID(UInt32(truncatingIfNeeded: value))
            case "UIDVALIDITY": status.uidValidity = UIDValidity(UInt32(truncatingIfNeeded: value))
            case "UNSEEN": status.unseen = Int(value)
            case "HIGHESTMODSEQ": status.highestModSeq = ModSeq(value)
            case "SIZE": status.size = Int(value)
            default: break
            }
        }
        return status
    }

    // Namespace-Response = "NAMESPACE" SP Namespace SP Namespace SP Namespace
    // Namespace = nil / "(" 1*Namespace-Descr ")"
    // Namespace-Descr = "(" string SP (DQUOTE QUOTED-CHAR DQUOTE / nil) *(Namespace-Response-Extension) ")"
    static func namespace(_ cursor: inout ParseCursor) throws -> NamespaceResponse {
        func one(_ cursor: inout ParseCursor) throws -> [NamespaceResponse.Namespace] {
            if try cursor.consumeNil() { return [] }
            return try cursor.parenthesizedList { cursor in
                try cursor.expect(UInt8(ascii: "("), "'(' opening a namespace")
                let prefix = EncodedMailbox(bytes: try cursor.string())
                try cursor.space()
                let delimiter = try listDelimiter(&cursor)
                while try cursor.peek() != UInt8(ascii: ")") {
                    try cursor.space()
                    try cursor.skipValue()
                }
                cursor.buffer.moveReaderIndex(forwardBy: 1)
                return NamespaceResponse.Namespace(prefix: prefix, delimiter: delimiter)
            }
        }
        let personal = try one(&cursor)
        try cursor.space()
        let other = try one(&cursor)
        try cursor.space()
        let shared = try one(&cursor)
        return NamespaceResponse(personal: personal, otherUsers: other, shared: shared)
    }

    // id-response = "ID" SP id-params-list ; id-params-list = "(" *(string SP nstring) ")" / nil
    static func idParameters(_ cursor: inout ParseCursor) throws -> [IDParameter] {
        if try cursor.consumeNil() { return [] }
        try cursor.expect(UInt8(ascii: "("), "'(' opening ID parameters")
        var result: [IDParameter] = []
        try cursor.skipSpaces()
        while try cursor.peek() != UInt8(ascii: ")") {
            let key = try cursor.stringText()
            try cursor.space()
            result.append(IDParameter(key: key, value: try cursor.nstringText()))
            try cursor.skipSpaces()
        }
        cursor.buffer.moveReaderIndex(forwardBy: 1)
        return result
    }
}
