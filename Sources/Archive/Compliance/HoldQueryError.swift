/// A stored hold's query no longer parses, so the messages it covers cannot be brought up to date:
/// nothing may be purged until that is resolved (release the hold and place it again).
public struct HoldQueryError: Error, Sendable, CustomStringConvertible {
    /// The hold.
    public var name: String
    /// Why the query does not parse.
    public var reason: String

    /// Creates the error.
    public init(name: String, reason: String) {
        self.name = name
        self.reason = reason
    }

    /// Names the hold and the reason.
    public var description: String { "the query of hold \"\(name)\" does not parse: \(reason)" }
}
