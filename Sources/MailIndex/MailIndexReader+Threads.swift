import MailQuery

// Searching by thread (`cairn search --threads`): one result per thread, with its count.
extension MailIndexReader {
    /// One page of the threads with matching messages: each thread once, represented by its first
    /// message in the given order (newest first: threads ordered by their newest match), with how
    /// many of its messages match. Messages without a thread id are threads of one.
    public func searchThreads(_ query: SearchQuery, order: SearchOrder = .newest, offset: Int = 0,
                              limit: Int? = nil) throws(IndexError) -> ThreadPage {
        try retrying { () throws(IndexError) in
            let documents = try database.documentCount()
            let mset = try database.search(try translator.translate(query.root), sort: MailIndexReader.sort(order),
                                           slot: IndexLayout.dateSlot, collapseSlot: IndexLayout.threadSlot,
                                           offset: offset, limit: max(0, limit ?? documents), checkAtLeast: documents)
            let threads = zip(mset.docids, try mset.collapsed()).map { docid, collapsed in
                ThreadHit(hit: hit(docid), threadID: collapsed.key.isEmpty ? nil : collapsed.key,
                          matches: collapsed.count + 1)
            }
            let counts = mset.counts
            return ThreadPage(threads: threads, total: counts.estimated, isExact: counts.lower == counts.upper)
        }
    }
}

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

/// One page of threads and the number of all threads with matches.
public struct ThreadPage: Hashable, Sendable {
    /// The threads of the page, in order.
    public var threads: [ThreadHit]
    /// The number of threads with matches (exact when ``isExact``).
    public var total: Int
    /// Whether ``total`` is exact.
    public var isExact: Bool

    /// Creates a page.
    public init(threads: [ThreadHit], total: Int, isExact: Bool) {
        self.threads = threads
        self.total = total
        self.isExact = isExact
    }
}
