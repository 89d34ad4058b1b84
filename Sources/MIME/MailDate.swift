import MailModel

/// Parsing of the Date field in every form seen in mail (RFC 5322 3.3 and the obsolete syntax of
/// 4.3): with or without the day of week and seconds, two- and three-digit years, obsolete and
/// common zone names, asctime order (`Mon Mar 15 10:20:30 2004`), ISO 8601, numeric dates.
public enum MailDate {
    /// The moment a Date value names, in UTC; nil when it cannot be read.
    public static func parse(_ value: String) -> Timestamp? {
        let tokens = tokenize(value)
        if let iso = parseISO(value) { return iso }
        return interpret(tokens)
    }

    enum Token: Equatable {
        case number(Int, digits: Int)
        case word(String)
        case time(hour: Int, minute: Int, second: Int)
        case zone(seconds: Int)
        /// A separator that matters: `/` or `.` between numbers.
        case slash
    }

    static func tokenize(_ value: String) -> [Token] {
        let bytes = Array(value.utf8)
        var tokens: [Token] = []
        var index = 0
        var commentDepth = 0
        func number(at start: Int) -> (value: Int, digits: Int, end: Int) {
            var end = start
            var value = 0
            while end < bytes.count, bytes[end] >= 48, bytes[end] <= 57, end - start < 9 {
                value = value * 10 + Int(bytes[end] - 48)
                end += 1
            }
            return (value, end - start, end)
        }
        func isDigit(_ at: Int) -> Bool { at < bytes.count && bytes[at] >= 48 && bytes[at] <= 57 }
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "(") { commentDepth += 1; index += 1; continue }
            if byte == UInt8(ascii: ")") { commentDepth = max(0, commentDepth - 1); index += 1; continue }
            if commentDepth > 0 { index += 1; continue }
            if isDigit(index) {
                let first = number(at: index)
                // A time: h:mm[:ss] (also with dots once a time is expected).
                if first.end < bytes.count, bytes[first.end] == ASCII.colon, isDigit(first.end + 1) {
                    let minute = number(at: first.end + 1)
                    var second = 0
                    var end = minute.end
                    if end < bytes.count, bytes[end] == ASCII.colon, isDigit(end + 1) {
                        let seconds = number(at: end + 1)
                        second = seconds.value
                        end = seconds.end
                    }
                    // Fractions of a second.
                    if end < bytes.count, bytes[end] == UInt8(ascii: "."), isDigit(end + 1) { end = number(at: end + 1).end }
                    tokens.append(.time(hour: first.value, minute: minute.value, second: second))
                    index = end
                    continue
                }
                // A time with dots ("10.20.30") once the month has been named.
                if first.digits <= 2, first.end + 2 < bytes.count, bytes[first.end] == UInt8(ascii: "."),
                   isDigit(first.end + 1), isDigit(first.end + 2), tokens.contains(where: isMonthWord) {
                    let minute = number(at: first.end + 1)
                    var second = 0
                    var end = minute.end
                    if end + 1 < bytes.count, bytes[end] == UInt8(ascii: "."), isDigit(end + 1) {
                        let seconds = number(at: end + 1)
                        second = seconds.value
                        end = seconds.end
                    }
                    tokens.append(.time(hour: first.value, minute: minute.value, second: second))
                    index = end
                    continue
                }
                tokens.append(.number(first.value, digits: first.digits))
                index = first.end
                continue
            }
            if byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-"), isDigit(index + 1),
               tokens.contains(where: { if case .time = $0 { return true } else { return false } }) {
                tokens.append(.zone(seconds: zoneOffset(bytes, from: index)))
                index = skipZone(bytes, from: index)
                continue
            }
            if byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-"), isDigit(index + 1), tokens.count >= 3,
               isDigit(index + 4), !(tokens.last.map { if case .slash = $0 { return true } else { return false } } ?? false) {
                // A numeric zone after the year ("15 Mar 2004 +0100" with the time elsewhere).
                let lookahead = number(at: index + 1)
                if lookahead.digits == 4, case .some(.number) = tokens.last {
                    tokens.append(.zone(seconds: zoneOffset(bytes, from: index)))
                    index = skipZone(bytes, from: index)
                    continue
                }
            }
            if (byte | 0x20) >= 97 && (byte | 0x20) <= 122 || byte >= 0x80 {
                let start = index
                while index < bytes.count, (bytes[index] | 0x20) >= 97 && (bytes[index] | 0x20) <= 122 || bytes[index] >= 0x80 {
                    index += 1
                }
                let word = String(decoding: bytes[start..<index], as: UTF8.self).lowercased()
                // "GMT+1", "UTC-05:00": a zone name with an offset.
                if (word == "gmt" || word == "utc" || word == "ut"), index < bytes.count,
                   bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-"), isDigit(index + 1) {
                    tokens.append(.zone(seconds: zoneOffset(bytes, from: index)))
                    index = skipZone(bytes, from: index)
                    continue
                }
                tokens.append(.word(word))
                continue
            }
            if byte == UInt8(ascii: "/") || byte == UInt8(ascii: ".") || byte == ASCII.hyphen {
                if case .some(.number) = tokens.last, isDigit(index + 1) { tokens.append(.slash) }
            }
            index += 1
        }
        return tokens
    }

    private static func isMonthWord(_ token: Token) -> Bool {
        guard case .word(let word) = token, word.count >= 3 else { return false }
        return months[word] != nil || months[String(word.prefix(3))] != nil
    }

    /// `+hhmm`, `-hh:mm`, `+h`, `-hh` as seconds east of UTC.
    private static func zoneOffset(_ bytes: [UInt8], from start: Int) -> Int {
        let sign = bytes[start] == UInt8(ascii: "-") ? -1 : 1
        var digits: [Int] = []
        var index = start + 1
        while index < bytes.count, digits.count < 4 {
            let byte = bytes[index]
            if byte >= 48, byte <= 57 {
                digits.append(Int(byte - 48))
            } else if byte != ASCII.colon {
                break
            }
            index += 1
        }
        let hours: Int
        let minutes: Int
        switch digits.count {
        case 1: hours = digits[0]; minutes = 0
        case 2: hours = digits[0] * 10 + digits[1]; minutes = 0
        case 3: hours = digits[0]; minutes = digits[1] * 10 + digits[2]
        default: hours = digits[0] * 10 + digits[1]; minutes = digits[2] * 10 + digits[3]
        }
        guard hours <= 14, minutes < 60 else { return 0 }
        return sign * (hours * 3600 + minutes * 60)
    }

    private static func skipZone(_ bytes: [UInt8], from start: Int) -> Int {
        var index = start + 1
        var digits = 0
        while index < bytes.count, digits < 4, bytes[index] >= 48 && bytes[index] <= 57 || bytes[index] == ASCII.colon {
            if bytes[index] != ASCII.colon { digits += 1 }
            index += 1
        }
        return index
    }
}
