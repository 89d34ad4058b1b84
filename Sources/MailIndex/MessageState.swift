import MailModel

/// The changing part of a message's index entry: places, flags, expunged state, holds, thread.
///
/// ``MailIndexWriter/updateState(rowID:to:)`` rewrites just these terms, without reindexing text.
public struct MessageState: Hashable, Sendable {
    /// Every place the message was seen.
    public var places: [MessagePlace]
    /// Flags as last seen on the server.
    public var flags: Set<Flag>
    /// Whether the server no longer has it.
    public var isExpunged: Bool
    /// Names of the legal holds it is under.
    public var holds: [String]
    /// Its thread's id.
    public var threadID: String?

    /// Describes the state.
    public init(places: [MessagePlace] = [], flags: Set<Flag> = [], isExpunged: Bool = false, holds: [String] = [],
                threadID: String? = nil) {
        self.places = places
        self.flags = flags
        self.isExpunged = isExpunged
        self.holds = holds
        self.threadID = threadID
    }

    /// The accounts of the places, sorted, without repeats.
    public var accounts: [String] { Array(Set(places.map(\.account))).sorted() }
}
