/// The id of a conversation thread (see `MailStore` threading rules): messages that share it
/// belong to one thread.
public struct ThreadID: RawRepresentable, Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The thread's row id.
    public var rawValue: Int64

    /// Wraps a thread row id.
    public init(rawValue: Int64) { self.rawValue = rawValue }

    /// Wraps a thread row id.
    public init(_ value: Int64) { self.rawValue = value }

    /// Orders by row id.
    public static func < (lhs: ThreadID, rhs: ThreadID) -> Bool { lhs.rawValue < rhs.rawValue }

    /// The decimal form.
    public var description: String { String(rawValue) }
}
