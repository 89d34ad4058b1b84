import MailModel

/// Reads the date forms of `date:`, `before:` and `after:` into whole-day UTC ranges.
///
/// A point is `YYYY`, `YYYY-MM`, `YYYY-MM-DD` (the whole year, month or day), `Nd`, `Nw`, `Nm`,
/// `Ny` (the day N days, weeks, months or years before today), `today` or `yesterday`. `A..B` runs
/// from the first day of A to the last day of B; either side may be empty. A lone relative point
/// (`date:7d`) means since that day. `before:X` ends the day before X begins; `after:X` begins the
/// day after X ends.
struct DateParser {
    /// Today, in UTC.
    let today: CivilDay

    /// A period: its first and last day, and whether alone it means "since then" (`7d`).
    struct Period {
        var first: CivilDay
        var last: CivilDay
        var since: Bool
    }

    func range(_ text: String, kind: SearchField.Kind, field: String, at range: Range<Int>) throws(QueryError) -> DateRange {
        switch kind {
        case .before:
            let period = try point(text, field: field, at: range)
            return DateRange(first: nil, last: period.first.adding(days: -1))
        case .after:
            let period = try point(text, field: field, at: range)
            return DateRange(first: period.last.adding(days: 1), last: nil)
        default:
            break
        }
        guard let (lowerPart, upperPart) = text.splitAtDots() else {
            let period = try point(text, field: field, at: range)
            return DateRange(first: period.first, last: period.since ? nil : period.last)
        }
        let lowerText = String(lowerPart), upperText = String(upperPart)
        guard !lowerText.isEmpty || !upperText.isEmpty else {
            throw QueryError(.badDate, "\(field): needs a date on at least one side of \"..\", e.g. date:2024-01..", at: range)
        }
        let first = lowerText.isEmpty ? nil : try point(lowerText, field: field, at: range).first
        let last = upperText.isEmpty ? nil : try point(upperText, field: field, at: range).last
        if let first, let last, last < first {
            throw QueryError(.badDate, "\(field): the range \"\(text)\" ends (\(last)) before it starts (\(first))",
                             at: range)
        }
        return DateRange(first: first, last: last)
    }

    func point(_ text: String, field: String, at range: Range<Int>) throws(QueryError) -> Period {
        let lower = text.lowercased()
        if lower == "today" { return Period(first: today, last: today, since: false) }
        if lower == "yesterday" { return Period(first: today.adding(days: -1), last: today.adding(days: -1), since: false) }
        if let unit = lower.last, "dwmy".contains(unit), let count = Int(lower.dropLast()), count >= 0, count <= 100_000,
           lower.dropLast().allSatisfy(\.isASCII) {
            let day: CivilDay
            switch unit {
            case "d": day = today.adding(days: -count)
            case "w": day = today.adding(days: -7 * count)
            case "m": day = today.adding(months: -min(count, 120_000))
            default: day = today.adding(months: -12 * min(count, 10_000))
            }
            return Period(first: day, last: day, since: true)
        }
        return try absolute(text, field: field, at: range)
    }

    private func absolute(_ text: String, field: String, at range: Range<Int>) throws(QueryError) -> Period {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        let widths = parts.map(\.count)
        guard (1...3).contains(parts.count), widths[0] == 4, widths.dropFirst().allSatisfy({ $0 == 2 }),
              parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }) else {
            throw QueryError(.badDate, "\(field): \"\(text)\" is not a date; use YYYY, YYYY-MM, YYYY-MM-DD, "
                             + "7d, 2w, 3m, 1y (days, weeks, months, years ago), today or yesterday", at: range)
        }
        let numbers = parts.map { Int($0)! }
        let year = numbers[0]
        guard year >= 1 else {
            throw QueryError(.badDate, "\(field): the year in \"\(text)\" must be 0001 or later", at: range)
        }
        if numbers.count >= 2, !(1...12).contains(numbers[1]) {
            throw QueryError(.badDate, "\(field): the month in \"\(text)\" must be 01 to 12", at: range)
        }
        switch numbers.count {
        case 1:
            return Period(first: CivilDay(year: year, month: 1, day: 1)!, last: CivilDay(year: year, month: 12, day: 31)!,
                          since: false)
        case 2:
            let month = numbers[1]
            let days = Timestamp.daysIn(month: month, year: year)
            return Period(first: CivilDay(year: year, month: month, day: 1)!,
                          last: CivilDay(year: year, month: month, day: days)!, since: false)
        default:
            guard let day = CivilDay(year: year, month: numbers[1], day: numbers[2]) else {
                let days = Timestamp.daysIn(month: numbers[1], year: year)
                throw QueryError(.badDate, "\(field): \"\(text)\" is no day: that month has \(days) days", at: range)
            }
            return Period(first: day, last: day, since: false)
        }
    }
}
