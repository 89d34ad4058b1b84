import MailModel

/// A calendar day in UTC (proleptic Gregorian), the unit of every date in the query language.
public struct CivilDay: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The year, e.g. 2024.
    public let year: Int
    /// The month, 1 to 12.
    public let month: Int
    /// The day of the month, 1 to 31.
    public let day: Int

    /// A valid calendar day; nil when the month or day is out of range.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              (1...Timestamp.daysIn(month: month, year: year)).contains(day) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// The day with this number of days since 1970-01-01.
    public init(daysSince1970 days: Int64) {
        let civil = Timestamp.civilFromDays(days)
        year = civil.year
        month = civil.month
        day = civil.day
    }

    /// The UTC day that contains a point in time.
    public init(containing time: Timestamp) {
        let days = time.rawValue >= 0 ? time.rawValue / 86_400 : (time.rawValue - 86_399) / 86_400
        self.init(daysSince1970: days)
    }

    /// Days since 1970-01-01.
    public var daysSince1970: Int64 { Timestamp.daysFromCivil(year: year, month: month, day: day) }

    /// The first second of the day (00:00:00 UTC).
    public var start: Timestamp { Timestamp(rawValue: daysSince1970 * 86_400) }

    /// The last second of the day (23:59:59 UTC).
    public var end: Timestamp { Timestamp(rawValue: daysSince1970 * 86_400 + 86_399) }

    /// The day `count` days later (earlier when negative).
    public func adding(days count: Int) -> CivilDay {
        CivilDay(daysSince1970: daysSince1970 + Int64(count))
    }

    /// The same day of the month `count` months later (earlier when negative), clamped to the
    /// month's last day (2024-03-31 minus one month is 2024-02-29).
    public func adding(months count: Int) -> CivilDay {
        let index = year * 12 + (month - 1) + count
        let newYear = min(9999, max(1, index / 12))
        let newMonth = index % 12 + 1
        let newDay = min(day, Timestamp.daysIn(month: newMonth, year: newYear))
        return CivilDay(year: newYear, month: newMonth, day: newDay) ?? self
    }

    /// `2024-03-01`
    public var description: String {
        func pad(_ value: Int, _ width: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    /// The IMAP date form, `1-Mar-2024` (RFC 3501 9, `date-text`).
    public var imapText: String {
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        return "\(day)-\(months[month - 1])-\(year)"
    }

    /// Orders days in time.
    public static func < (lhs: CivilDay, rhs: CivilDay) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }
}
