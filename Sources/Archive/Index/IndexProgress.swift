/// How far the indexer is, for progress bars.
public struct IndexProgress: Hashable, Sendable {
    /// Messages indexed (their text, or only their state) so far.
    public var done: Int
    /// Messages to index in all.
    public var total: Int
    /// Bytes of the messages whose text was indexed so far.
    public var bytes: Int64
}

/// What a catch-up (or a rebuild) did.
public struct IndexReport: Hashable, Sendable {
    /// Messages whose document was built from their bytes.
    public var built = 0
    /// Messages whose document was there and only their state (places, flags, holds, thread) was
    /// updated.
    public var updated = 0
    /// Documents of purged messages deleted.
    public var removed = 0
    /// Messages whose bytes could not be read back; they were indexed by their stored headers.
    public var unreadable = 0
    /// Messages whose document could not be built; they stay pending for the next catch-up.
    public var failed = 0

    /// An empty report.
    public init() {}

    /// Whether nothing needed doing.
    public var isEmpty: Bool { built == 0 && updated == 0 && removed == 0 }
}
