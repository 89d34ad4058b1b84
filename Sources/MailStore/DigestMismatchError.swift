import MailModel

/// The bytes streamed into the store do not have the digests the caller declared for them; nothing
/// was stored.
public struct DigestMismatchError: Error, Sendable, CustomStringConvertible {
    /// The id the caller declared.
    public var declared: MessageID
    /// The id of the bytes actually received.
    public var actual: MessageID

    /// Creates the error.
    public init(declared: MessageID, actual: MessageID) {
        self.declared = declared
        self.actual = actual
    }

    /// Names both ids.
    public var description: String {
        "message bytes changed while being stored: declared id \(declared.short), received \(actual.short)"
    }
}
