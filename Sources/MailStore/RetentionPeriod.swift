import MailModel

/// How long a retention rule keeps messages: a number of days, weeks, months or years, written
/// `30d`, `6w`, `18m`, `7y`.
public struct RetentionPeriod: Hashable, Sendable, CustomStringConvertible {
    /// The unit of a period.
    public enum Unit: String, Sendable, CaseIterable {
        /// Days.
        case days = "d"
        /// Weeks.
        case weeks = "w"
        /// Calendar months.
        case months = "m"
        /// Calendar years.
        case years = "y"
    }

    /// How many units (1 or more).
    public var amount: Int
    /// The unit.
    public var unit: Unit

    /// Creates a period; nil unless `amount` is positive.
    public init?(amount: Int, unit: Unit) {
        guard amount > 0 else { return nil }
        self.amount = amount
        self.unit = unit
    }

    /// Parses `7y`, `18m`, `6w`, `30d`; nil for anything else.
    public init?(_ text: String) {
        guard let last = text.last, let unit = Unit(rawValue: String(last).lowercased()),
              let amount = Int(text.dropLast()), amount > 0, amount <= 10_000 else { return nil }
        self.amount = amount
        self.unit = unit
    }

    /// The written form, e.g. `7y`.
    public var description: String { "\(amount)\(unit.rawValue)" }

    /// The earliest time a message may date from and still be kept at `now`: messages older than
    /// this are past the period. Months and years are calendar steps (UTC), the day clamped to the
    /// month's length.
    public func cutoff(at now: Timestamp) -> Timestamp {
        switch unit {
        case .days: return Timestamp(rawValue: now.rawValue - Int64(amount) * 86_400)
        case .weeks: return Timestamp(rawValue: now.rawValue - Int64(amount) * 7 * 86_400)
        case .months, .years:
            let c = now.components
            let months = unit == .years ? amount * 12 : amount
            let total = c.year * 12 + (c.month - 1) - months
            let year = Int((Double(total) / 12).rounded(.down))
            let month = total - year * 12 + 1
            let day = min(c.day, Timestamp.daysIn(month: month, year: year))
            return Timestamp(year: year, month: month, day: day, hour: c.hour, minute: c.minute, second: c.second)
                ?? Timestamp(rawValue: now.rawValue - Int64(months) * 30 * 86_400)
        }
    }
}
