import MailIndex
import MailQuery
import MailStore

extension ArchiveSearcher {
    /// One page of threads with matches: each thread once, in the order of its first match (newest
    /// first: threads with the newest matches first); with `limit` nil, every thread. Read the
    /// threads' messages with ``threadResults(of:)``, a page at a time.
    public func threads(_ query: SearchQuery, order: SearchOrder = .newest, offset: Int = 0,
                        limit: Int? = nil) throws -> ThreadPage {
        guard hasIndex else { return ThreadPage(threads: [], total: 0, isExact: true) }
        return try reader.searchThreads(query, order: order, offset: offset, limit: limit)
    }

    /// The threads of hits from ``threads(_:order:offset:limit:)``, in order: each with its first
    /// match, its number of matches and of messages.
    public func threadResults(of hits: [ThreadHit]) throws -> [ThreadResult] {
        try archive.store.read { reader in
            let summaries = try reader.summaries(of: hits.map { MessageKey($0.hit.rowID) })
            return try zip(hits, summaries).map { hit, summary in
                ThreadResult(threadID: summary.thread.description, first: summary, matched: hit.matches,
                             total: max(hit.matches, try reader.messageCount(inThread: summary.thread)))
            }
        }
    }
}
