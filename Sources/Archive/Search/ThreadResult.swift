import MailStore

/// A thread with matching messages (`cairn search --threads`).
public struct ThreadResult: Sendable {
    /// The thread's id (`thread:ID` finds its messages).
    public var threadID: String
    /// Its first matching message in the search order: the newest for newest first.
    public var first: MessageSummary
    /// How many of its messages match.
    public var matched: Int
    /// How many messages it has in the archive.
    public var total: Int

    /// Creates a thread result.
    public init(threadID: String, first: MessageSummary, matched: Int, total: Int) {
        self.threadID = threadID
        self.first = first
        self.matched = matched
        self.total = total
    }
}
