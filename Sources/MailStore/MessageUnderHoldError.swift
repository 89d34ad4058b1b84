import MailModel

/// A purge was asked to delete messages that an active legal hold covers; nothing was deleted.
public struct MessageUnderHoldError: Error, Sendable, CustomStringConvertible {
    /// The held messages among those asked for.
    public var messages: [MessageID]
    /// The names of the holds covering them.
    public var holds: [String]

    /// Creates the error.
    public init(messages: [MessageID], holds: [String]) {
        self.messages = messages
        self.holds = holds
    }

    /// Counts the held messages and names the holds.
    public var description: String {
        let first = messages.first.map { " (first: \($0.short))" } ?? ""
        return "\(messages.count) of the messages to purge are under a legal hold\(first): "
            + holds.joined(separator: ", ") + "; nothing was purged"
    }
}
