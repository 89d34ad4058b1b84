/// No active hold has the name.
public struct HoldNotFoundError: Error, Sendable, CustomStringConvertible {
    /// The name.
    public var name: String

    /// Creates the error.
    public init(name: String) { self.name = name }

    /// Names the hold.
    public var description: String { "no active hold is named \"\(name)\"" }
}
