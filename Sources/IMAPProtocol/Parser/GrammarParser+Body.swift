extension GrammarParser {
    // body = "(" (body-type-1part / body-type-mpart) ")"
    static func body(_ cursor: inout ParseCursor) throws -> BodyStructure {
        try cursor.expect(UInt8(ascii: "("), "'(' opening a body structure")
        return try cursor.nested { cursor in
            try cursor.skipSpaces()
            let result: BodyStructure
            if try cursor.peek() == UInt8(ascii: "(") {
                result = .multipart(try multipart(&cursor))
            } else {
                result = .singlepart(try singlePart(&cursor))
            }
            try cursor.skipSpaces()
            try cursor.expect(UInt8(ascii: ")"), "')' closing a body structure")
            return result
        }
    }

    // body-type-mpart = 1*body SP media-subtype [SP body-ext-mpart]
    // body-ext-mpart = body-fld-param [SP body-fld-dsp [SP body-fld-lang [SP body-fld-loc *(SP body-extension)]]]
    private static func multipart(_ cursor: inout ParseCursor) throws -> MultipartBody {
        var parts: [BodyStructure] = []
        while try cursor.peek() == UInt8(ascii: "(") {
            parts.append(try body(&cursor))
            guard parts.count <= cursor.options.maxAttributeCount else {
                throw ResponseLimitError(limit: .attributeCount, actualCount: parts.count,
                                         maximumCount: cursor.options.maxAttributeCount)
            }
            try cursor.skipSpaces()
        }
        let subtype = try cursor.stringText().lowercased()
        var result = MultipartBody(parts: parts, subtype: subtype)
        guard try cursor.peek() == 0x20, try !cursor.atLineEnd() else { return result }
        try cursor.space()
        if try cursor.peek() == UInt8(ascii: ")") { return result }
        result.parameters = try parameters(&cursor)
        result.extensionData = try extensionData(&cursor, md5: nil)
        return result
    }

    // body-type-1part = (body-type-basic / body-type-msg / body-type-text) [SP body-ext-1part]
    // body-type-basic = media-basic SP body-fields
    // body-type-msg   = media-message SP body-fields SP envelope SP body SP body-fld-lines
    // body-type-text  = media-text SP body-fields SP body-fld-lines
    // body-fields     = body-fld-param SP body-fld-id SP body-fld-desc SP body-fld-enc SP body-fld-octets
    private static func singlePart(_ cursor: inout ParseCursor) throws -> SinglePartBody {
        let type = (try cursor.nstringText() ?? "application").lowercased()
        try cursor.space()
        let subtype = (try cursor.nstringText() ?? "octet-stream").lowercased()
        try cursor.space()
        let parameters = try parameters(&cursor)
        try cursor.space()
        let id = try cursor.nstringText()
        try cursor.space()
        let description = try cursor.nstringText()
        try cursor.space()
        let encoding = (try cursor.nstringText() ?? "7bit").lowercased()
        try cursor.space()
        let octets = try cursor.int()
        var part = SinglePartBody(type: type, subtype: subtype, parameters: parameters, id: id,
                                  description: description, encoding: encoding, octets: octets)
        if type == "text" {
            if try cursor.peek() == 0x20, try !cursor.atLineEnd(), try cursor.peek(offset: 1) != UInt8(ascii: ")") {
                try cursor.space()
                part.kind = .text(lines: try cursor.int())
            } else {
                part.kind = .text(lines: 0)
            }
        } else if type == "message" && (subtype == "rfc822" || subtype == "global") {
            // Some servers describe message/rfc822 as a basic part; accept both.
            if let kind = try cursor.attempt({ try messageFields(&$0) }) { part.kind = kind }
        }
        if try cursor.peek() == 0x20, try cursor.peek(offset: 1) != UInt8(ascii: ")") {
            try cursor.space()
            let md5 = try cursor.nstringText()
            part.extensionData = try extensionData(&cursor, md5: md5)
        }
        return part
    }

    private static func messageFields(_ cursor: inout ParseCursor) throws -> SinglePartBody.Kind {
        try cursor.space()
        let envelope = try envelope(&cursor)
        try cursor.space()
        let inner = try body(&cursor)
        try cursor.space()
        let lines = try cursor.int()
        return .message(envelope, inner, lines: lines)
    }

    // body-fld-dsp = "(" string SP body-fld-param ")" / nil
    // body-fld-lang = nstring / "(" string *(SP string) ")" ; body-fld-loc = nstring
    // body-extension = nstring / number / "(" body-extension *(SP body-extension) ")"
    private static func extensionData(_ cursor: inout ParseCursor, md5: String?) throws -> BodyExtension {
        var result = BodyExtension(md5: md5)
        guard try cursor.peek() == 0x20, try cursor.peek(offset: 1) != UInt8(ascii: ")") else { return result }
        try cursor.space()
        if try cursor.consumeNil() {
            result.disposition = nil
        } else {
            try cursor.expect(UInt8(ascii: "("), "'(' opening a disposition")
            let kind = try cursor.stringText().lowercased()
            try cursor.space()
            result.disposition = BodyDisposition(kind: kind, parameters: try parameters(&cursor))
            try cursor.skipSpaces()
            try cursor.expect(UInt8(ascii: ")"), "')' closing a disposition")
        }
        guard try cursor.peek() == 0x20, try cursor.peek(offset: 1) != UInt8(ascii: ")") else { return result }
        try cursor.space()
        if try cursor.peek() == UInt8(ascii: "(") {
            result.language = try cursor.parenthesizedList { try $0.stringText() }
        } else if let language = try cursor.nstringText() {
            result.language = [language]
        }
        guard try cursor.peek() == 0x20, try cursor.peek(offset: 1) != UInt8(ascii: ")") else { return result }
        try cursor.space()
        result.location = try cursor.nstringText()
        while try cursor.peek() == 0x20, try cursor.peek(offset: 1) != UInt8(ascii: ")") {
            try cursor.space()
            try cursor.skipValue()
        }
        return result
    }

    // body-fld-param = "(" string SP string *(SP string SP string) ")" / nil
    private static func parameters(_ cursor: inout ParseCursor) throws -> [BodyParameter] {
        if try cursor.consumeNil() { return [] }
        try cursor.expect(UInt8(ascii: "("), "'(' opening body parameters")
        var result: [BodyParameter] = []
        try cursor.skipSpaces()
        while try cursor.peek() != UInt8(ascii: ")") {
            let name = try cursor.stringText()
            try cursor.space()
            let value = try cursor.nstringText() ?? ""
            result.append(BodyParameter(name: name, value: value))
            guard result.count <= cursor.options.maxAttributeCount else {
                throw ResponseLimitError(limit: .attributeCount, actualCount: result.count,
                                         maximumCount: cursor.options.maxAttributeCount)
            }
            try cursor.skipSpaces()
        }
        cursor.buffer.moveReaderIndex(forwardBy: 1)
        return result
    }
}
