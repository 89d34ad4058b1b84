import MailModel

/// Reads the text of an INTERNALDATE, `17-Jul-1996 02:44:25 -0700`, leniently about the day's padding.
enum InternalDateParser {
    static func parse(_ bytes: [UInt8]) -> Timestamp? {
        var index = 0
        func skipSpaces() { while index < bytes.count && bytes[index] == 0x20 { index += 1 } }
        func digits(_ maximum: Int) -> Int? {
            var value = 0
            var count = 0
            while index < bytes.count, count < maximum, bytes[index] >= 0x30 && bytes[index] <= 0x39 {
                value = value * 10 + Int(bytes[index] - 0x30)
                index += 1
                count += 1
            }
            return count == 0 ? nil : value
        }
        func expect(_ byte: UInt8) -> Bool {
            guard index < bytes.count, bytes[index] == byte else { return false }
            index += 1
            return true
        }
        skipSpaces()
        guard let day = digits(2), expect(UInt8(ascii: "-")), index + 3 <= bytes.count else { return nil }
        let monthText = String(decoding: bytes[index..<index + 3], as: UTF8.self).capitalized
        guard let monthIndex = IMAPDate.monthNames.firstIndex(of: monthText) else { return nil }
        index += 3
        guard expect(UInt8(ascii: "-")), let year = digits(4) else { return nil }
        skipSpaces()
        guard let hour = digits(2), expect(UInt8(ascii: ":")), let minute = digits(2), expect(UInt8(ascii: ":")),
              let second = digits(2) else { return nil }
        skipSpaces()
        var offset = 0
        if index < bytes.count {
            let sign = bytes[index]
            guard sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") else { return nil }
            index += 1
            guard let zone = digits(4) else { return nil }
            offset = (zone / 100 * 3600 + zone % 100 * 60) * (sign == UInt8(ascii: "-") ? -1 : 1)
        }
        return Timestamp(year: year, month: monthIndex + 1, day: day, hour: hour, minute: minute, second: second,
                         utcOffsetSeconds: offset)
    }
}

private extension String {
    var capitalized: String { prefix(1).uppercased() + dropFirst().lowercased() }
}
