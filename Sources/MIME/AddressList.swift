import MailModel

/// Parsing of address lists in From, To, Cc, Bcc, Reply-To, Sender (RFC 5322 3.4, with the
/// obsolete forms of 4.4).
///
/// Lenient as real mail needs: groups (`team: a@x, b@y;`) give their members, comments name an
/// address that has no display name (`ann@x (Ann)`), RFC 2047 words are decoded in names (also
/// inside quotes, as mail clients do), route addresses lose their route, `;` separates like `,`
/// outside groups, and a missing `>` ends the address at the end of the field.
public enum AddressList {
    /// The result of parsing.
    public struct Result: Sendable {
        /// The mailboxes, in order.
        public var addresses: [Address]
        /// Whether the list needed repair (unterminated quotes or brackets, names without address).
        public var repaired: Bool
    }

    /// Parses an unfolded field value (RFC 2047 words not yet decoded).
    public static func parse(_ value: String) -> Result {
        var parser = Parser(Array(value.utf8))
        parser.run()
        return Result(addresses: parser.addresses, repaired: parser.repaired)
    }

    private struct Parser {
        let bytes: [UInt8]
        var index = 0
        var addresses: [Address] = []
        var repaired = false
        // The mailbox being read.
        var words: [[UInt8]] = []
        var wordsWereSpaced: [Bool] = []
        var comment: [UInt8]?
        var angle: [UInt8]?
        var spaceBefore = false

        init(_ bytes: [UInt8]) {
            self.bytes = bytes
        }

        mutating func run() {
            while index < bytes.count {
                let byte = bytes[index]
                switch byte {
                case ASCII.space, ASCII.tab, ASCII.cr, ASCII.lf:
                    spaceBefore = true
                    index += 1
                case ASCII.quote:
                    addWord(quoted())
                case UInt8(ascii: "("):
                    let text = commentText()
                    if comment == nil, !text.isEmpty { comment = text }
                    spaceBefore = true
                case UInt8(ascii: "<"):
                    angle = angleAddress()
                case UInt8(ascii: ","), UInt8(ascii: ";"):
                    endMailbox()
                    index += 1
                case ASCII.colon where angle == nil && !words.isEmpty && !wordsLookLikeAddress:
                    // A group: its display name is dropped, its members are read as mailboxes.
                    words.removeAll()
                    wordsWereSpaced.removeAll()
                    comment = nil
                    index += 1
                default:
                    let word = atom()
                    if !word.isEmpty { addWord(word) }
                }
            }
            endMailbox()
        }

        private var wordsLookLikeAddress: Bool {
            words.contains { $0.contains(UInt8(ascii: "@")) }
        }

        private mutating func addWord(_ word: [UInt8]) {
            words.append(word)
            wordsWereSpaced.append(spaceBefore)
            spaceBefore = false
        }

        private mutating func atom() -> [UInt8] {
            let start = index
            while index < bytes.count {
                switch bytes[index] {
                case ASCII.space, ASCII.tab, ASCII.cr, ASCII.lf, ASCII.quote, UInt8(ascii: "("), UInt8(ascii: "<"),
                     UInt8(ascii: ","), UInt8(ascii: ";"):
                    return Array(bytes[start..<index])
                case ASCII.colon where angle == nil:
                    if index > start { return Array(bytes[start..<index]) }
                    index += 1
                    return []
                default:
                    index += 1
                }
            }
            return Array(bytes[start..<index])
        }

        private mutating func quoted() -> [UInt8] {
            index += 1
            var text: [UInt8] = []
            while index < bytes.count, bytes[index] != ASCII.quote {
                if bytes[index] == ASCII.backslash, index + 1 < bytes.count { index += 1 }
                text.append(bytes[index])
                index += 1
            }
            if index >= bytes.count { repaired = true }
            index += 1
            return text
        }

        private mutating func commentText() -> [UInt8] {
            var depth = 0
            var text: [UInt8] = []
            while index < bytes.count {
                let byte = bytes[index]
                index += 1
                if byte == UInt8(ascii: "(") {
                    depth += 1
                    if depth == 1 { continue }
                } else if byte == UInt8(ascii: ")") {
                    depth -= 1
                    if depth == 0 { return Array(ASCII.trimmed(text[...])) }
                } else if byte == ASCII.backslash, index < bytes.count {
                    text.append(bytes[index])
                    index += 1
                    continue
                }
                text.append(byte)
            }
            repaired = true
            return Array(ASCII.trimmed(text[...]))
        }

        private mutating func angleAddress() -> [UInt8] {
            index += 1
            var text: [UInt8] = []
            while index < bytes.count, bytes[index] != UInt8(ascii: ">") {
                if bytes[index] == UInt8(ascii: "("), text.isEmpty || text.last == UInt8(ascii: "@") {
                    _ = commentText()
                    continue
                }
                if !ASCII.isSpaceOrBreak(bytes[index]), bytes[index] != ASCII.quote { text.append(bytes[index]) }
                index += 1
            }
            if index >= bytes.count { repaired = true }
            index += 1
            // Obsolete route: "<@a.example,@b.example:user@c.example>".
            if text.first == UInt8(ascii: "@"), let colon = text.firstIndex(of: ASCII.colon) {
                text = Array(text[(colon + 1)...])
            }
            return text
        }

        private mutating func endMailbox() {
            defer {
                words.removeAll()
                wordsWereSpaced.removeAll()
                comment = nil
                angle = nil
                spaceBefore = false
            }
            var name: String?
            var address: String
            if let angle {
                address = String(decoding: angle, as: UTF8.self)
                name = phrase(words)
                if name == nil, let comment { name = decode(comment) }
                if address.isEmpty && name == nil { return }
            } else {
                guard !words.isEmpty else { return }
                if let at = words.firstIndex(where: { $0.contains(UInt8(ascii: "@")) }) {
                    // addr-spec, possibly spread over words ("ann . lee @ example.org"), names around it.
                    var start = at
                    while start > 0, !wordsWereSpaced[start] || isDotted(words[start - 1], words[start]) { start -= 1 }
                    var end = at + 1
                    while end < words.count, !wordsWereSpaced[end] || isDotted(words[end - 1], words[end]) { end += 1 }
                    address = String(decoding: words[start..<end].joined(), as: UTF8.self)
                    let rest = Array(words[..<start]) + Array(words[end...])
                    name = phrase(rest)
                    if name != nil { repaired = true }
                    if let comment, name == nil { name = decode(comment) }
                } else if words.count == 1 {
                    address = String(decoding: words[0], as: UTF8.self)
                    if let comment { name = decode(comment) }
                } else {
                    repaired = true
                    address = ""
                    name = phrase(words)
                }
            }
            address = String(address.trimmingCharacters(in: " \t.\"'"))
            addresses.append(Address(name: name, address: address))
        }

        private func isDotted(_ before: [UInt8], _ after: [UInt8]) -> Bool {
            before.last == UInt8(ascii: ".") || before.last == UInt8(ascii: "@")
                || after.first == UInt8(ascii: ".") || after.first == UInt8(ascii: "@")
        }

        private func phrase(_ words: [[UInt8]]) -> String? {
            guard !words.isEmpty else { return nil }
            let joined = Array(words.joined(separator: [ASCII.space]))
            let text = decode(joined)
            return text.isEmpty ? nil : text
        }

        private func decode(_ bytes: [UInt8]) -> String {
            let text = String(decoding: bytes, as: UTF8.self)
            let decoded = text.contains("=?") ? EncodedWords.decode(text).text : text
            return String(decoded.trimmingCharacters(in: " \t\"'"))
        }
    }
}
