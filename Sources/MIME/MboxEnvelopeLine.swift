import MailModel

/// Recognising the envelope line of an mbox (RFC 4155 2): `From ` + sender + an asctime date.
enum MboxEnvelopeLine {
    private static let months: [[UInt8]] = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
        .map { Array($0.utf8) }
    private static let weekdays: [[UInt8]] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"].map { Array($0.utf8) }

    /// The envelope of a line (without or with its line break) that is a real `From_` separator:
    /// `From `, a sender, then a date with a month name, a time and a four-digit year. Body lines
    /// that merely begin with "From " do not pass.
    static func parse(_ line: UnsafeRawBufferPointer) -> MboxEnvelope? {
        guard line.count > 5, line.count < 4096, line[0] == 0x46, line[1] == 0x72, line[2] == 0x6F, line[3] == 0x6D,
              line[4] == ASCII.space else { return nil }
        var end = line.count
        while end > 5, line[end - 1] == ASCII.cr || line[end - 1] == ASCII.lf { end -= 1 }
        // Words of the rest, as byte ranges.
        var words: [Range<Int>] = []
        var index = 5
        while index < end {
            while index < end, ASCII.isWhitespace(line[index]) { index += 1 }
            let start = index
            while index < end, !ASCII.isWhitespace(line[index]) { index += 1 }
            if index > start { words.append(start..<index) }
        }
        guard words.count >= 4 else { return nil }
        var dateStart: Int?
        var hasMonth = false
        var hasTime = false
        var hasYear = false
        for (position, word) in words.enumerated() where position > 0 {
            if let kind = nameKind(line, word) {
                if kind == .month { hasMonth = true }
                if dateStart == nil { dateStart = position }
            } else if isTime(line, word) {
                hasTime = true
            } else if word.count == 4, word.allSatisfy({ line[$0] >= 48 && line[$0] <= 57 }) {
                hasYear = true
            }
        }
        guard hasMonth, hasTime, hasYear, let dateStart else { return nil }
        func text(_ range: Range<Int>) -> String {
            HeaderText.decode8Bit(Array(UnsafeRawBufferPointer(rebasing: line[range]))[...], charset: Charset(label: nil))
        }
        let sender = text(words[0].lowerBound..<words[dateStart - 1].upperBound)
        let date = MailDate.parse(text(words[dateStart].lowerBound..<end))
        return MboxEnvelope(sender: sender, date: date, line: text(5..<end))
    }

    private enum NameKind {
        case month
        case weekday
    }

    /// Whether a word is a month or weekday name (its first three letters, any case, at most nine
    /// letters, a trailing comma allowed).
    private static func nameKind(_ line: UnsafeRawBufferPointer, _ word: Range<Int>) -> NameKind? {
        var upper = word.upperBound
        if line[upper - 1] == UInt8(ascii: ",") { upper -= 1 }
        let count = upper - word.lowerBound
        guard count >= 3, count <= 9 else { return nil }
        for offset in word.lowerBound..<upper where !((line[offset] | 0x20) >= 97 && (line[offset] | 0x20) <= 122) {
            return nil
        }
        let prefix = [ASCII.lower(line[word.lowerBound]), ASCII.lower(line[word.lowerBound + 1]), ASCII.lower(line[word.lowerBound + 2])]
        if months.contains(prefix) { return .month }
        if weekdays.contains(prefix) { return .weekday }
        return nil
    }

    /// `h:mm`, `hh:mm` or `hh:mm:ss`.
    private static func isTime(_ line: UnsafeRawBufferPointer, _ word: Range<Int>) -> Bool {
        var pieces = 1
        var digits = 0
        for offset in word {
            let byte = line[offset]
            if byte == ASCII.colon {
                guard digits >= 1, digits <= 2 else { return false }
                pieces += 1
                digits = 0
            } else if byte >= 48, byte <= 57 {
                digits += 1
            } else {
                return false
            }
        }
        return (pieces == 2 || pieces == 3) && digits >= 1 && digits <= 2
    }

    /// The number of `>` to remove from a line under `variant` (0 or 1): mboxrd un-escapes any
    /// `>+From `, mboxo only `>From `, mboxcl2 nothing.
    static func escapeDepth(_ line: UnsafeRawBufferPointer, variant: MboxVariant) -> Int {
        guard variant != .mboxcl2, line.count >= 6, line[0] == UInt8(ascii: ">") else { return 0 }
        var index = 0
        while index < line.count, line[index] == UInt8(ascii: ">") { index += 1 }
        if variant == .mboxo, index != 1 { return 0 }
        guard index + 5 <= line.count, line[index] == 0x46, line[index + 1] == 0x72, line[index + 2] == 0x6F,
              line[index + 3] == 0x6D, line[index + 4] == ASCII.space else { return 0 }
        return 1
    }
}
