/// An active hold already has the name.
public struct HoldExistsError: Error, Sendable, CustomStringConvertible {
    /// The name.
    public var name: String

    /// Creates the error.
    public init(name: String) { self.name = name }

    /// Names the hold.
    public var description: String { "a hold named \"\(name)\" is already active" }
}
