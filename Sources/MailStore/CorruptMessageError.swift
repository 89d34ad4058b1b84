import MailModel

/// A message's stored bytes cannot be read back (a chunk missing or not inflating to its size).
public struct CorruptMessageError: Error, Sendable, CustomStringConvertible {
    /// The message.
    public var id: MessageID
    /// What is wrong, without any message content.
    public var reason: String

    /// Creates the error.
    public init(id: MessageID, reason: String) {
        self.id = id
        self.reason = reason
    }

    /// Names the message and the defect.
    public var description: String { "message \(id.short): stored bytes are damaged: \(reason)" }
}
