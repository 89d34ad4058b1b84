/// The result of re-hashing every stored message.
public struct MessageVerification: Hashable, Sendable {
    /// Messages checked.
    public var messages: Int
    /// Bytes re-hashed (as received).
    public var bytes: Int64
    /// Problems found, by key.
    public var problems: [MessageIntegrityProblem]

    /// Creates a result.
    public init(messages: Int, bytes: Int64, problems: [MessageIntegrityProblem]) {
        self.messages = messages
        self.bytes = bytes
        self.problems = problems
    }

    /// Whether every message verified.
    public var isIntact: Bool { problems.isEmpty }
}
