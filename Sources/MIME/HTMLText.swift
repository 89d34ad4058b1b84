/// The text a reader sees in an HTML part: tags, comments, scripts and styles removed, character
/// references decoded, whitespace collapsed as a browser does, block elements as line breaks and
/// paragraphs as blank lines.
public enum HTMLText {
    /// The visible text of an HTML document or fragment.
    public static func visibleText(_ html: String) -> String {
        var html = html
        return html.withUTF8 { convert($0) }
    }

    /// Elements whose content is never shown.
    static let hidden: Set<String> = ["script", "style", "head", "title", "xml", "template", "noscript", "object", "iframe", "svg"]
    /// Elements that separate paragraphs.
    static let paragraphs: Set<String> = [
        "p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "table", "ul", "ol", "dl", "pre", "hr", "address",
        "figure", "center", "form", "fieldset",
    ]
    /// Elements that start a new line.
    static let lines: Set<String> = [
        "br", "div", "tr", "li", "dt", "dd", "section", "article", "header", "footer", "nav", "aside", "main",
        "caption", "tbody", "thead", "tfoot", "option", "legend", "details", "summary", "body", "html",
    ]
    /// Elements whose boundaries separate words.
    static let cells: Set<String> = ["td", "th", "img", "input", "button", "select", "textarea", "label"]

    private static func convert(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        var out = Output()
        out.bytes.reserveCapacity(bytes.count / 2)
        var index = 0
        let count = bytes.count
        var preDepth = 0
        while index < count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "<") {
                index = tag(bytes, at: index, out: &out, preDepth: &preDepth)
                continue
            }
            if byte == UInt8(ascii: "&") {
                index = reference(bytes, at: index, out: &out)
                continue
            }
            if byte == ASCII.space || byte == ASCII.tab || byte == ASCII.cr || byte == ASCII.lf || byte == 0x0C {
                if preDepth > 0 {
                    if byte == ASCII.lf { out.lineBreak(1, force: true) } else if byte != ASCII.cr { out.append(ASCII.space) }
                } else {
                    out.space()
                }
                index += 1
                continue
            }
            out.append(byte)
            index += 1
        }
        return out.finish()
    }

    /// Handles markup starting at `<`; returns the index after it.
    private static func tag(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int, out: inout Output, preDepth: inout Int) -> Int {
        let count = bytes.count
        var index = start + 1
        guard index < count else {
            out.append(UInt8(ascii: "<"))
            return count
        }
        // Comments, doctype, CDATA, processing instructions.
        if bytes[index] == UInt8(ascii: "!") {
            if index + 2 < count, bytes[index + 1] == ASCII.hyphen, bytes[index + 2] == ASCII.hyphen {
                return find(bytes, "-->", from: index + 3).map { $0 + 3 } ?? count
            }
            if starts(bytes, "[CDATA[", at: index + 1) {
                let end = find(bytes, "]]>", from: index + 8) ?? count
                for position in (index + 8)..<end { out.append(bytes[position]) }
                return min(end + 3, count)
            }
            return find(bytes, ">", from: index).map { $0 + 1 } ?? count
        }
        if bytes[index] == ASCII.question {
            return find(bytes, ">", from: index).map { $0 + 1 } ?? count
        }
        let closing = bytes[index] == UInt8(ascii: "/")
        if closing {
            index += 1
            // "</>" is nothing; "</" before a non-letter opens a bogus comment up to ">".
            if index < count, !isLetter(bytes[index]) {
                return find(bytes, ">", from: index).map { $0 + 1 } ?? count
            }
        }
        let nameStart = index
        while index < count, isNameByte(bytes[index]) { index += 1 }
        guard index > nameStart, isLetter(bytes[nameStart]) else {
            // Not a tag: a literal "<".
            out.append(UInt8(ascii: "<"))
            return start + 1
        }
        var name = String(decoding: UnsafeBufferPointer(rebasing: bytes[nameStart..<index]), as: UTF8.self).lowercased()
        if let colon = name.firstIndex(of: ":") { name = String(name[name.index(after: colon)...]) }  // o:p, v:shape
        index = skipAttributes(bytes, from: index)
        let selfClosing = index > 0 && index < count && bytes[index - 1] == UInt8(ascii: "/")
        index = min(index + 1, count)
        if !closing, !selfClosing, hidden.contains(name) {
            // Skip to the matching end tag.
            let endTag = Array("</\(name)".utf8)
            var position = index
            while position < count {
                guard let found = findCaseless(bytes, endTag, from: position) else { return count }
                let after = found + endTag.count
                if after >= count || !isNameByte(bytes[after]) {
                    return find(bytes, ">", from: after).map { $0 + 1 } ?? count
                }
                position = after
            }
            return count
        }
        if name == "pre" || name == "textarea" || name == "listing" || name == "plaintext" {
            preDepth = max(0, preDepth + (closing ? -1 : 1))
        }
        if paragraphs.contains(name) {
            out.lineBreak(2)
        } else if lines.contains(name) {
            out.lineBreak(1)
        } else if cells.contains(name) {
            out.space()
        }
        return index
    }

    /// The index of the `>` that ends a tag's attributes (or the end). As in the HTML tokenizer,
    /// quotes open a value only right after `=`; an unterminated quoted value ends at the next `>`.
    private static func skipAttributes(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        let count = bytes.count
        var index = start
        while index < count {
            let byte = bytes[index]
            if byte == UInt8(ascii: ">") { return index }
            index += 1
            guard byte == ASCII.equals else { continue }
            while index < count, bytes[index] == ASCII.space || bytes[index] == ASCII.tab
                || bytes[index] == ASCII.lf || bytes[index] == ASCII.cr {
                index += 1
            }
            guard index < count, bytes[index] == ASCII.quote || bytes[index] == UInt8(ascii: "'") else { continue }
            let quote = bytes[index]
            var close = index + 1
            while close < count, bytes[close] != quote { close += 1 }
            if close < count {
                index = close + 1
            } else {
                return find(bytes, ">", from: index) ?? count
            }
        }
        return count
    }

    /// Decodes a character reference at `&`; returns the index after it.
    private static func reference(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int, out: inout Output) -> Int {
        let count = bytes.count
        var index = start + 1
        if index < count, bytes[index] == UInt8(ascii: "#") {
            index += 1
            var hex = false
            if index < count, bytes[index] | 0x20 == UInt8(ascii: "x") {
                hex = true
                index += 1
            }
            var value: UInt32 = 0
            let digitsStart = index
            while index < count, index - digitsStart < 8 {
                let byte = bytes[index]
                if let digit = ASCII.hexValue(byte), hex || (byte >= 48 && byte <= 57) {
                    value = value * (hex ? 16 : 10) + UInt32(digit)
                    index += 1
                } else {
                    break
                }
            }
            guard index > digitsStart else {
                out.append(UInt8(ascii: "&"))
                return start + 1
            }
            if index < count, bytes[index] == UInt8(ascii: ";") { index += 1 }
            // Windows-1252 numbers that pages write for curly quotes and dashes.
            if value >= 0x80 && value < 0xA0 { value = Windows1252.high[Int(value - 0x80)] }
            out.scalar(value == 0 ? 0xFFFD : value)
            return index
        }
        let nameStart = index
        while index < count, index - nameStart < 32, isNameByte(bytes[index]) { index += 1 }
        let name = String(decoding: UnsafeBufferPointer(rebasing: bytes[nameStart..<index]), as: UTF8.self)
        if index < count, bytes[index] == UInt8(ascii: ";"), let value = HTMLEntities.named[name] ?? HTMLEntities.named[name.lowercased()] {
            out.scalar(value)
            return index + 1
        }
        // Legacy references without ";" (&amp &nbsp), longest known prefix.
        var end = index
        while end > nameStart {
            let prefix = String(decoding: UnsafeBufferPointer(rebasing: bytes[nameStart..<end]), as: UTF8.self)
            if HTMLEntities.legacy.contains(prefix), let value = HTMLEntities.named[prefix] {
                out.scalar(value)
                return end
            }
            end -= 1
        }
        out.append(UInt8(ascii: "&"))
        return start + 1
    }

    private static func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 97 && (byte | 0x20) <= 122 }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        isLetter(byte) || (byte >= 48 && byte <= 57) || byte == ASCII.hyphen || byte == ASCII.colon || byte == UInt8(ascii: "_")
    }

    private static func starts(_ bytes: UnsafeBufferPointer<UInt8>, _ text: String, at index: Int) -> Bool {
        let pattern = Array(text.utf8)
        guard index + pattern.count <= bytes.count else { return false }
        return (0..<pattern.count).allSatisfy { bytes[index + $0] == pattern[$0] }
    }

    private static func find(_ bytes: UnsafeBufferPointer<UInt8>, _ text: String, from start: Int) -> Int? {
        let pattern = Array(text.utf8)
        guard pattern.count > 0, start + pattern.count <= bytes.count else { return nil }
        var index = start
        while index + pattern.count <= bytes.count {
            if bytes[index] == pattern[0], (1..<pattern.count).allSatisfy({ bytes[index + $0] == pattern[$0] }) { return index }
            index += 1
        }
        return nil
    }

    private static func findCaseless(_ bytes: UnsafeBufferPointer<UInt8>, _ pattern: [UInt8], from start: Int) -> Int? {
        guard start + pattern.count <= bytes.count else { return nil }
        var index = start
        while index + pattern.count <= bytes.count {
            if bytes[index] == pattern[0],
               (1..<pattern.count).allSatisfy({ ASCII.lower(bytes[index + $0]) == pattern[$0] }) { return index }
            index += 1
        }
        return nil
    }

    /// Text with whitespace collapsed and line breaks merged.
    struct Output {
        var bytes: [UInt8] = []
        private var pendingSpace = false
        private var pendingBreaks = 0

        mutating func append(_ byte: UInt8) {
            if pendingBreaks > 0 {
                if !bytes.isEmpty {
                    while bytes.last == ASCII.space { bytes.removeLast() }
                    var existing = 0
                    var position = bytes.count - 1
                    while position >= 0, bytes[position] == ASCII.lf, existing < 2 {
                        existing += 1
                        position -= 1
                    }
                    for _ in existing..<max(existing, pendingBreaks) { bytes.append(ASCII.lf) }
                }
                pendingBreaks = 0
                pendingSpace = false
            } else if pendingSpace {
                if let last = bytes.last, last != ASCII.lf, last != ASCII.space { bytes.append(ASCII.space) }
                pendingSpace = false
            }
            bytes.append(byte)
        }

        mutating func scalar(_ value: UInt32) {
            switch value {
            case 0xA0, 0x2002, 0x2003, 0x2009: space()  // no-break and typographic spaces read as spaces
            case 0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0xAD, 0xFEFF: break  // invisible
            default:
                var encoded: [UInt8] = []
                UTF8Writer.append(value, to: &encoded)
                for byte in encoded { append(byte) }
            }
        }

        mutating func space() {
            pendingSpace = true
        }

        mutating func lineBreak(_ count: Int, force: Bool = false) {
            if force {
                if pendingBreaks > 0 || pendingSpace { append(0); bytes.removeLast() }
                bytes.append(ASCII.lf)
                return
            }
            pendingBreaks = max(pendingBreaks, count)
        }

        mutating func finish() -> String {
            while let last = bytes.last, last == ASCII.space || last == ASCII.lf { bytes.removeLast() }
            var start = 0
            while start < bytes.count, bytes[start] == ASCII.lf || bytes[start] == ASCII.space { start += 1 }
            return String(decoding: bytes[start...], as: UTF8.self)
        }
    }
}
