/// Text that is not a message id or an id prefix of at least 8 hex digits.
public struct InvalidMessageIDError: Error, Sendable, CustomStringConvertible {
    /// How many characters were given.
    public var length: Int

    /// Creates the error.
    public init(length: Int) { self.length = length }

    /// Says what an id looks like.
    public var description: String {
        "a message id is 8 to 64 hex digits (a full SHA-256 id or a unique prefix of one)"
    }
}
