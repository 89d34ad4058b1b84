/// A thread with matching messages.
public struct ThreadHit: Hashable, Sendable {
    /// Its first matching message in the search order (the newest, for newest first).
    public var hit: SearchHit
    /// The thread's id; nil for a message without one.
    public var threadID: String?
    /// How many of the thread's messages match the query.
    public var matches: Int

    /// Creates a thread hit.
    public init(hit: SearchHit, threadID: String?, matches: Int) {
        self.hit = hit
        self.threadID = threadID
        self.matches = matches
    }
}
