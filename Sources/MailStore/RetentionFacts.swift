import MailModel

/// What retention decisions need of one message.
public struct RetentionFacts: Hashable, Sendable {
    /// The message.
    public var message: MessageRef
    /// The earliest INTERNALDATE among its sightings.
    public var internalDate: Timestamp?
    /// Its Date header.
    public var date: Timestamp?
    /// When it was archived.
    public var archivedAt: Timestamp
    /// Where it was seen.
    public var locations: [MessageLocation]
    /// Whether an active hold covers it.
    public var isHeld: Bool

    /// Creates facts.
    public init(message: MessageRef, internalDate: Timestamp?, date: Timestamp?, archivedAt: Timestamp,
                locations: [MessageLocation], isHeld: Bool) {
        self.message = message
        self.internalDate = internalDate
        self.date = date
        self.archivedAt = archivedAt
        self.locations = locations
        self.isHeld = isHeld
    }

    /// The time its age counts from: INTERNALDATE, else the Date header, else the archiving time.
    public var ageBasis: Timestamp { internalDate ?? date ?? archivedAt }

    /// Whether the message is past retention at `now` under `rules`: at least one rule applies to it
    /// (a message in no rule's scope is kept forever) and it is older than the longest of them.
    /// Holds are not considered here (see `isHeld`).
    public func isPastRetention(rules: [RetentionRule], at now: Timestamp) -> Bool {
        let applicable = rules.filter { rule in
            if case .all = rule.scope { return true }
            return locations.contains { rule.scope.covers($0) }
        }
        guard !applicable.isEmpty else { return false }
        return applicable.allSatisfy { ageBasis < $0.keep.cutoff(at: now) }
    }
}
