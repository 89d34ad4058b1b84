import MailModel

/// A calendar date as SEARCH writes it, `1-Feb-2024` (RFC 3501 9, `date`).
public struct IMAPDate: Hashable, Sendable, CustomStringConvertible {
    /// The year, e.g. 2024.
    public var year: Int
    /// The month, 1-12.
    public var month: Int
    /// The day of the month, 1-31.
    public var day: Int

    /// A date; nil when the day does not exist.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= Timestamp.daysIn(month: month, year: year),
              (0...9999).contains(year) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// The UTC date of a point in time.
    public init(_ timestamp: Timestamp) {
        let components = timestamp.components
        year = components.year
        month = components.month
        day = components.day
    }

    static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// The wire form, `1-Feb-2024`.
    public var description: String { "\(day)-\(IMAPDate.monthNames[month - 1])-\(year)" }

    /// The `date-time` form of a point in time for APPEND, `"01-Feb-2024 09:30:00 +0000"` (RFC 3501 9).
    public static func dateTime(_ timestamp: Timestamp) -> String {
        let c = timestamp.components
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }
        let year = String(c.year)
        return "\"\(two(c.day))-\(monthNames[c.month - 1])-\(year) \(two(c.hour)):\(two(c.minute)):\(two(c.second)) +0000\""
    }
}
