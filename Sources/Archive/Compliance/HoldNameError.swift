/// A legal hold's name that `hold:NAME` could not find again: it must be one word of the query
/// language (letters, digits, `.`, `_`, `-`, ...; no spaces, quotes or parentheses).
public struct HoldNameError: Error, Sendable, CustomStringConvertible {
    /// The name given.
    public var name: String

    /// Creates the error.
    public init(name: String) { self.name = name }

    /// Says what is wrong.
    public var description: String {
        "\"\(name)\" cannot be a hold's name: use one word (letters, digits, '.', '_', '-') so that "
            + "hold:NAME finds it"
    }
}
