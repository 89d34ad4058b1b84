extension GrammarParser {
    // envelope = "(" env-date SP env-subject SP env-from SP env-sender SP env-reply-to SP env-to SP env-cc SP
    //            env-bcc SP env-in-reply-to SP env-message-id ")"
    static func envelope(_ cursor: inout ParseCursor) throws -> Envelope {
        try cursor.expect(UInt8(ascii: "("), "'(' opening an envelope")
        return try cursor.nested { cursor in
            var envelope = Envelope()
            try cursor.skipSpaces()
            envelope.date = try cursor.nstringText()
            try cursor.space()
            envelope.subject = try cursor.nstringText()
            try cursor.space()
            envelope.from = try addresses(&cursor)
            try cursor.space()
            envelope.sender = try addresses(&cursor)
            try cursor.space()
            envelope.replyTo = try addresses(&cursor)
            try cursor.space()
            envelope.to = try addresses(&cursor)
            try cursor.space()
            envelope.cc = try addresses(&cursor)
            try cursor.space()
            envelope.bcc = try addresses(&cursor)
            try cursor.space()
            envelope.inReplyTo = try cursor.nstringText()
            try cursor.space()
            envelope.messageID = try cursor.nstringText()
            try cursor.skipSpaces()
            try cursor.expect(UInt8(ascii: ")"), "')' closing an envelope")
            return envelope
        }
    }

    // env-from = "(" 1*address ")" / nil         ; addresses follow each other without spaces
    static func addresses(_ cursor: inout ParseCursor) throws -> [EnvelopeAddress] {
        if try cursor.consumeNil() { return [] }
        return try cursor.parenthesizedList { try address(&$0) }
    }

    // address = "(" addr-name SP addr-adl SP addr-mailbox SP addr-host ")"
    static func address(_ cursor: inout ParseCursor) throws -> EnvelopeAddress {
        try cursor.expect(UInt8(ascii: "("), "'(' opening an address")
        try cursor.skipSpaces()
        let name = try cursor.nstringText()
        try cursor.space()
        let adl = try cursor.nstringText()
        try cursor.space()
        let mailbox = try cursor.nstringText()
        try cursor.space()
        let host = try cursor.nstringText()
        try cursor.skipSpaces()
        try cursor.expect(UInt8(ascii: ")"), "')' closing an address")
        return EnvelopeAddress(name: name, adl: adl, mailbox: mailbox, host: host)
    }
}
