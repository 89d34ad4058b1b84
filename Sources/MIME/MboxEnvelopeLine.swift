import MailModel

/// Recognising the envelope line of an mbox (RFC 4155 2): `From ` + sender + an asctime date.
enum MboxEnvelopeLine {
    static let months: Set<String> = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
    static let weekdays: Set<String> = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]

    /// The envelope of a line (without its line break) that is a real `From_` separator: `From `,
    /// a sender, then a date with a month name, a time and a four-digit year. Body lines that merely
    /// begin with "From " do not pass.
    static func parse(_ line: UnsafeRawBufferPointer) -> MboxEnvelope? {
        guard line.count > 5, line.count < 4096, line[0] == 0x46, line[1] == 0x72, line[2] == 0x6F, line[3] == 0x6D,
              line[4] == ASCII.space else { return nil }
        var end = line.count
        while end > 5, line[end - 1] == ASCII.cr || line[end - 1] == ASCII.lf { end -= 1 }
        let text = HeaderText.decode8Bit(Array(UnsafeRawBufferPointer(rebasing: line[5..<end]))[...], charset: Charset(label: nil))
        let tokens = text.split(whereSeparator: { $0 == " " || $0 == "\t" })
        guard tokens.count >= 4 else { return nil }
        var dateStart: Int?
        var hasMonth = false
        var hasTime = false
        var hasYear = false
        for (position, token) in tokens.enumerated() where position > 0 {
            let word = token.lowercased().trimmingCharacters(in: ",")
            if months.contains(String(word.prefix(3))), word.count <= 9, word.allSatisfy(\.isLetter) {
                hasMonth = true
                if dateStart == nil { dateStart = position }
            } else if weekdays.contains(String(word.prefix(3))), word.allSatisfy(\.isLetter), dateStart == nil {
                dateStart = position
            } else if isTime(word) {
                hasTime = true
            } else if word.count == 4, word.allSatisfy(\.isNumber) {
                hasYear = true
            }
        }
        guard hasMonth, hasTime, hasYear, let dateStart, dateStart >= 1 else { return nil }
        let sender = tokens[0..<dateStart].joined(separator: " ")
        let date = MailDate.parse(tokens[dateStart...].joined(separator: " "))
        return MboxEnvelope(sender: sender, date: date, line: text)
    }

    private static func isTime(_ word: Substring) -> Bool {
        let pieces = word.split(separator: ":", omittingEmptySubsequences: false)
        guard pieces.count == 2 || pieces.count == 3 else { return false }
        return pieces.allSatisfy { $0.count >= 1 && $0.count <= 2 && $0.allSatisfy(\.isNumber) }
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
