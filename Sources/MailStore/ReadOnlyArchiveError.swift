/// A write was attempted on a store opened read-only.
public struct ReadOnlyArchiveError: Error, Sendable, CustomStringConvertible {
    /// Creates the error.
    public init() {}

    /// Says that the store was opened for reading.
    public var description: String { "the archive was opened read-only; writing needs a read-write open" }
}
