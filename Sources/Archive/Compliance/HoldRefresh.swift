/// What bringing the legal holds up to date did.
public struct HoldRefresh: Hashable, Sendable {
    /// Messages added, by hold name (only holds that gained some).
    public var added: [String: Int]
    /// Active holds evaluated.
    public var holds: Int
    /// Messages the index could not take (their documents could not be built): no hold query can
    /// see them, so purge never deletes them.
    public var unindexed: Int

    /// Creates a result.
    public init(added: [String: Int] = [:], holds: Int = 0, unindexed: Int = 0) {
        self.added = added
        self.holds = holds
        self.unindexed = unindexed
    }

    /// Messages added over all holds.
    public var totalAdded: Int { added.values.reduce(0, +) }
}
