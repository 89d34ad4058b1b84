import MailModel

/// An id prefix matches more than one archived message.
public struct AmbiguousMessageIDError: Error, Sendable, CustomStringConvertible {
    /// The prefix as typed.
    public var prefix: String
    /// Some of the matching ids (at most a handful).
    public var candidates: [MessageID]

    /// Creates the error.
    public init(prefix: String, candidates: [MessageID]) {
        self.prefix = prefix
        self.candidates = candidates
    }

    /// Names the prefix and some matches.
    public var description: String {
        let shown = candidates.map(\.short).joined(separator: ", ")
        return "id prefix \(prefix) matches several messages (\(shown), ...); give more digits"
    }
}
