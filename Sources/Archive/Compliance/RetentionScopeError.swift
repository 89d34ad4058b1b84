/// A retention rule's scope that names nothing.
public struct RetentionScopeError: Error, Sendable, CustomStringConvertible {
    /// What is wrong.
    public var reason: String

    /// Creates the error.
    public init(reason: String) { self.reason = reason }

    /// Says what is wrong.
    public var description: String { "bad retention scope: \(reason)" }
}
