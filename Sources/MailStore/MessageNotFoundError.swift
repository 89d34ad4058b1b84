/// No archived message has the given id, id prefix or key.
public struct MessageNotFoundError: Error, Sendable, CustomStringConvertible {
    /// The id or prefix as typed (hex digits only), or a key's decimal form.
    public var reference: String

    /// Creates the error.
    public init(reference: String) { self.reference = reference }

    /// Names what was looked for.
    public var description: String { "no archived message has id \(reference)" }
}
