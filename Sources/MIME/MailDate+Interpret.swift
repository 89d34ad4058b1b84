import MailModel

/// Turning date tokens into a moment.
extension MailDate {
    static let months: [String: Int] = [
        "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "oct": 10,
        "nov": 11, "dec": 12, "sept": 9,
        // Other languages seen in old mail.
        "mär": 3, "mrz": 3, "mai": 5, "okt": 10, "dez": 12, "janv": 1, "févr": 2, "fevr": 2, "mars": 3, "avr": 4,
        "juin": 6, "juil": 7, "août": 8, "aout": 8, "déc": 12, "ene": 1, "abr": 4, "ago": 8, "dic": 12,
        "gen": 1, "mag": 5, "giu": 6, "lug": 7, "set": 9, "ott": 10, "maj": 5, "okt.": 10,
    ]

    /// Zone names (RFC 5322 4.3 and common others), in seconds east of UTC. Military single letters
    /// are read as -0000, as RFC 5322 advises, since their sign was historically wrong.
    static let zones: [String: Int] = [
        "ut": 0, "utc": 0, "gmt": 0, "z": 0, "wet": 0, "bst": 3600, "west": 3600, "cet": 3600, "met": 3600,
        "mez": 3600, "cest": 7200, "mest": 7200, "mesz": 7200, "eet": 7200, "eest": 10800, "msk": 10800,
        "msd": 14400, "ist": 19800, "ict": 25200, "wib": 25200, "hkt": 28800, "sgt": 28800, "awst": 28800,
        "cst": -21600, "cdt": -18000, "est": -18000, "edt": -14400, "mst": -25200, "mdt": -21600,
        "pst": -28800, "pdt": -25200, "akst": -32400, "akdt": -28800, "hst": -36000, "ast": -14400,
        "adt": -10800, "nst": -12600, "ndt": -9000, "jst": 32400, "kst": 32400, "aest": 36000,
        "aedt": 39600, "acst": 34200, "nzst": 43200, "nzdt": 46800, "brt": -10800, "art": -10800,
    ]

    static func interpret(_ tokens: [Token]) -> Timestamp? {
        var day: Int?
        var month: Int?
        var year: Int?
        var time: (Int, Int, Int)?
        var zone: Int?
        var namedZone: Int?
        var pm: Bool?
        var numbers: [(value: Int, digits: Int)] = []
        var numericTriple: [Int] = []
        var index = 0
        while index < tokens.count {
            switch tokens[index] {
            case .word(let word):
                let key3 = String(word.prefix(3))
                if let value = months[word] ?? months[key3], month == nil, word.count >= 3 {
                    month = value
                } else if word == "pm" || word == "am" {
                    pm = word == "pm"
                } else if namedZone == nil, let offset = zones[word] {
                    namedZone = offset
                } else if namedZone == nil, word.count == 1, word != "t" {
                    namedZone = 0  // military zone letters
                }
            case .time(let hour, let minute, let second):
                if time == nil { time = (hour, minute, second) }
            case .zone(let seconds):
                if zone == nil { zone = seconds }
            case .number(let value, let digits):
                // d/m/y or y/m/d with slashes or dots.
                if index + 4 < tokens.count, case .slash = tokens[index + 1], case .number(let second, _) = tokens[index + 2],
                   case .slash = tokens[index + 3], case .number(let third, _) = tokens[index + 4], month == nil {
                    numericTriple = [value, second, third]
                    index += 5
                    continue
                }
                numbers.append((value, digits))
            case .slash:
                break
            }
            index += 1
        }
        if numericTriple.count == 3 {
            let (a, b, c) = (numericTriple[0], numericTriple[1], numericTriple[2])
            if a > 31 {
                (year, month, day) = (a, b, c)
            } else if b > 12 {
                (month, day, year) = (a, b, c)
            } else {
                (day, month, year) = (a, b, c)
            }
        } else {
            for (value, digits) in numbers {
                if digits >= 3 || value > 31 {
                    if year == nil { year = value }
                } else if day == nil {
                    day = value
                } else if year == nil, digits >= 2 {
                    year = value
                }
            }
        }
        guard var fullYear = year, let month, let day else { return nil }
        if let yearDigits = numbers.first(where: { $0.value == fullYear })?.digits, yearDigits <= 3 {
            fullYear += yearDigits == 3 ? 1900 : (fullYear < 50 ? 2000 : 1900)
        } else if fullYear < 100 {
            fullYear += fullYear < 50 ? 2000 : 1900
        }
        guard (1900...9999).contains(fullYear) else { return nil }
        var (hour, minute, second) = time ?? (0, 0, 0)
        if let pm {
            if pm && hour < 12 { hour += 12 } else if !pm && hour == 12 { hour = 0 }
        }
        if second == 60 { second = 59 }
        return Timestamp(year: fullYear, month: month, day: day, hour: hour, minute: minute, second: second,
                         utcOffsetSeconds: zone ?? namedZone ?? 0)
    }

    /// `2004-03-15`, `2004-03-15T10:20:30Z`, `2004-03-15 10:20:30+01:00`.
    static func parseISO(_ value: String) -> Timestamp? {
        let bytes = Array(value.utf8.drop { $0 == ASCII.space || $0 == ASCII.tab })
        guard bytes.count >= 10, bytes[4] == ASCII.hyphen, bytes[7] == ASCII.hyphen else { return nil }
        func digits(_ range: Range<Int>) -> Int? {
            guard range.upperBound <= bytes.count else { return nil }
            var value = 0
            for index in range {
                guard bytes[index] >= 48, bytes[index] <= 57 else { return nil }
                value = value * 10 + Int(bytes[index] - 48)
            }
            return value
        }
        guard let year = digits(0..<4), let month = digits(5..<7), let day = digits(8..<10) else { return nil }
        var hour = 0, minute = 0, second = 0, offset = 0
        if bytes.count >= 16, bytes[10] == UInt8(ascii: "T") || bytes[10] == ASCII.space || bytes[10] == UInt8(ascii: "t"),
           let h = digits(11..<13), bytes[13] == ASCII.colon, let m = digits(14..<16) {
            hour = h
            minute = m
            var index = 16
            if bytes.count >= 19, bytes[16] == ASCII.colon, let s = digits(17..<19) {
                second = s
                index = 19
            }
            while index < bytes.count, bytes[index] == UInt8(ascii: ".") || (bytes[index] >= 48 && bytes[index] <= 57) { index += 1 }
            while index < bytes.count, bytes[index] == ASCII.space { index += 1 }
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == ASCII.hyphen {
                let sign = bytes[index] == ASCII.hyphen ? -1 : 1
                let rest = bytes[(index + 1)...].filter { $0 != ASCII.colon }
                if rest.count >= 4, let hh = Int(String(decoding: rest.prefix(2), as: UTF8.self)),
                   let mm = Int(String(decoding: rest.dropFirst(2).prefix(2), as: UTF8.self)) {
                    offset = sign * (hh * 3600 + mm * 60)
                } else if rest.count >= 2, let hh = Int(String(decoding: rest.prefix(2), as: UTF8.self)) {
                    offset = sign * hh * 3600
                }
            }
        }
        guard (1900...9999).contains(year) else { return nil }
        return Timestamp(year: year, month: month, day: day, hour: hour, minute: minute, second: min(second, 59),
                         utcOffsetSeconds: offset)
    }
}
