/// The store's row id of an archived message: small, stable, never reused (also the id of the
/// message's index document).
public struct MessageKey: RawRepresentable, Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The row id, 1 or more.
    public var rawValue: Int64

    /// Wraps a row id.
    public init(rawValue: Int64) { self.rawValue = rawValue }

    /// Wraps a row id.
    public init(_ value: Int64) { self.rawValue = value }

    /// Orders by row id (the order in which messages were archived).
    public static func < (lhs: MessageKey, rhs: MessageKey) -> Bool { lhs.rawValue < rhs.rawValue }

    /// The decimal form.
    public var description: String { String(rawValue) }
}
