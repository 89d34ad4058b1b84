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
