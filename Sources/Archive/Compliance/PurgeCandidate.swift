import MailModel
import MailStore

/// A message past retention that no hold covers: what `cairn purge` deletes, and why.
public struct PurgeCandidate: Hashable, Sendable {
    /// The message.
    public var message: MessageRef
    /// Its bytes as received.
    public var size: Int
    /// Its subject, for the listing.
    public var subject: String?
    /// The time its age counts from.
    public var ageBasis: Timestamp
    /// Which time that is.
    public var basis: AgeBasis
    /// The rule that decides: of the rules whose scope covers it, the one that keeps it longest.
    public var rule: RetentionRule

    /// Creates a candidate.
    public init(message: MessageRef, size: Int, subject: String?, ageBasis: Timestamp, basis: AgeBasis,
                rule: RetentionRule) {
        self.message = message
        self.size = size
        self.subject = subject
        self.ageBasis = ageBasis
        self.basis = basis
        self.rule = rule
    }

    /// Whole days from its age basis to `now`.
    public func ageInDays(at now: Timestamp) -> Int64 {
        max(0, (now.rawValue - ageBasis.rawValue) / 86_400)
    }
}
