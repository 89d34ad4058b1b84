import MailModel

/// A range of whole UTC days, both ends included; an absent end is open.
///
/// `date:2024-01..2024-03` is 2024-01-01T00:00:00Z through 2024-03-31T23:59:59Z.
public struct DateRange: Hashable, Sendable, CustomStringConvertible {
    /// The first day included, nil for no lower bound.
    public var first: CivilDay?
    /// The last day included, nil for no upper bound.
    public var last: CivilDay?

    /// A range of days; `first` must not be after `last`.
    public init(first: CivilDay?, last: CivilDay?) {
        self.first = first
        self.last = last
    }

    /// The first second included (00:00:00 UTC of `first`), nil when open.
    public var lowerBound: Timestamp? { first?.start }

    /// The last second included (23:59:59 UTC of `last`), nil when open.
    public var upperBound: Timestamp? { last?.end }

    /// Whether a point in time falls in the range.
    public func contains(_ time: Timestamp) -> Bool {
        if let lowerBound, time < lowerBound { return false }
        if let upperBound, time > upperBound { return false }
        return true
    }

    /// The canonical query form: `2024-01-01..2024-03-31`, `2024-01-01..`, `..2024-03-31`, or
    /// `2024-01-01` for one day.
    public var description: String {
        if let first, let last, first == last { return first.description }
        return (first?.description ?? "") + ".." + (last?.description ?? "")
    }
}
