import Glibc
import NIOCore

/// Collects the decoded bytes of one text part, bounded, and turns them into the text a reader
/// sees: charset decoded, HTML rendered to text, flowed lines joined, line breaks normalised.
struct TextCollector {
    private let limit: Int
    private var bytes: [UInt8] = []
    /// Whether bytes past the limit were left out.
    private(set) var truncated = false

    init(limit: Int) {
        self.limit = limit
    }

    /// Bytes collected.
    var count: Int { bytes.count }

    mutating func append(_ buffer: ByteBuffer) {
        guard !truncated, buffer.readableBytes > 0 else { return }
        let room = limit - bytes.count
        buffer.withUnsafeReadableBytes { raw in
            if raw.count > room {
                bytes.append(contentsOf: raw.prefix(room))
                truncated = true
            } else {
                bytes.append(contentsOf: raw)
            }
        }
    }

    /// The text, and what decoding it took.
    func text(for contentType: ContentType) -> DecodedText {
        var content = bytes[...]
        if truncated { content = TextCollector.trimPartialUTF8(content) }
        var label = contentType.charset
        let isHTML = contentType.subtype == "html" || contentType.subtype == "xhtml+xml"
        if isHTML, label == nil || Charset(label: label).isUnlabelled {
            label = TextCollector.sniffHTMLCharset(content) ?? label
        }
        var decoded = Charset(label: label).decode(content)
        // A byte order mark says more than a label.
        if decoded.text.unicodeScalars.first == "\u{FEFF}" { decoded.text.unicodeScalars.removeFirst() }
        var text = TextCollector.normaliseLineBreaks(decoded.text)
        if isHTML {
            text = HTMLText.visibleText(text)
        } else if contentType.subtype == "enriched" || contentType.subtype == "richtext" {
            text = TextCollector.stripEnriched(text)
        } else if contentType.parameters["format"]?.lowercased() == "flowed" {
            text = FlowedText.unflow(text, delSp: contentType.parameters["delsp"]?.lowercased() == "yes")
        }
        decoded.text = text
        return decoded
    }

    /// CRLF and lone CR become LF.
    static func normaliseLineBreaks(_ text: String) -> String {
        var text = text
        let hasCR = text.withUTF8 { $0.count > 0 && memchr($0.baseAddress!, Int32(ASCII.cr), $0.count) != nil }
        guard hasCR else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        var previousCR = false
        for byte in text.utf8 {
            if byte == ASCII.cr {
                out.append(ASCII.lf)
                previousCR = true
                continue
            }
            if byte == ASCII.lf && previousCR {
                previousCR = false
                continue
            }
            previousCR = false
            out.append(byte)
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// A charset named by `<meta charset>` or `<meta http-equiv content="...; charset=...">` in the
    /// first 4 KiB (as the HTML standard's prescan does, simplified).
    static func sniffHTMLCharset(_ bytes: ArraySlice<UInt8>) -> String? {
        let head = Array(bytes.prefix(4096)).map(ASCII.lower)
        let pattern = Array("charset".utf8)
        var index = 0
        while index + pattern.count < head.count {
            if head[index] == pattern[0], Array(head[index..<(index + pattern.count)]) == pattern {
                var position = index + pattern.count
                while position < head.count, head[position] == ASCII.space { position += 1 }
                guard position < head.count, head[position] == ASCII.equals else {
                    index += 1
                    continue
                }
                position += 1
                while position < head.count, head[position] == ASCII.space || head[position] == ASCII.quote || head[position] == UInt8(ascii: "'") {
                    position += 1
                }
                let start = position
                while position < head.count, ContentType.isTokenByte(head[position]) || head[position] == UInt8(ascii: ":") {
                    position += 1
                }
                if position > start { return String(decoding: head[start..<position], as: UTF8.self) }
            }
            index += 1
        }
        return nil
    }

    /// text/enriched (RFC 1896): formatting commands removed, `<<` is `<`.
    static func stripEnriched(_ text: String) -> String {
        var out = ""
        var inTag = false
        var iterator = text.makeIterator()
        var previousOpen = false
        while let character = iterator.next() {
            if inTag {
                if character == ">" { inTag = false }
                continue
            }
            if character == "<" {
                if previousOpen {
                    out.append("<")
                    previousOpen = false
                    inTag = false
                    continue
                }
                previousOpen = true
                inTag = false
                continue
            }
            if previousOpen {
                previousOpen = false
                inTag = character != ">"
                if inTag { continue }
            }
            out.append(character)
        }
        return out
    }

    /// Drops an incomplete UTF-8 sequence cut at the end by truncation.
    static func trimPartialUTF8(_ bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var end = bytes.endIndex
        var back = 0
        while end > bytes.startIndex, back < 3, bytes[end - 1] & 0xC0 == 0x80 {
            end -= 1
            back += 1
        }
        if end > bytes.startIndex, bytes[end - 1] >= 0xC0 { return bytes[..<(end - 1)] }
        return bytes
    }
}
