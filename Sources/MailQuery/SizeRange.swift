/// A range of message sizes in bytes, both ends included; an absent end is open.
public struct SizeRange: Hashable, Sendable, CustomStringConvertible {
    /// The smallest size included, nil for no lower bound.
    public var lower: Int64?
    /// The largest size included, nil for no upper bound.
    public var upper: Int64?

    /// A range of sizes; `lower` must not exceed `upper`.
    public init(lower: Int64?, upper: Int64?) {
        self.lower = lower
        self.upper = upper
    }

    /// Whether a size falls in the range.
    public func contains(_ size: Int64) -> Bool {
        if let lower, size < lower { return false }
        if let upper, size > upper { return false }
        return true
    }

    /// The canonical query form in bytes: `1024..2048`, `1025..`, `..10239`, or `1000` for one size.
    public var description: String {
        if let lower, let upper, lower == upper { return String(lower) }
        return (lower.map { String($0) } ?? "") + ".." + (upper.map { String($0) } ?? "")
    }
}
