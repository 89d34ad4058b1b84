import MailIndex
import MailModel
import MailQuery
import MailStore

extension ArchiveSearcher {
    /// The servers' hits that add to the archive's answer to `query` (`--where auto`): a hit is left
    /// out when its message is archived and among the archive's matches (seen at the same place, or
    /// with the same Message-ID, as notmuch identifies messages), and when an earlier hit had the
    /// same Message-ID (one message in two folders).
    public func hitsBeyondArchive(_ hits: [RemoteHit], query: SearchQuery) throws -> [RemoteHit] {
        guard !hits.isEmpty else { return [] }
        let matching = Set(try keys(query))
        var seenIDs = Set<String>()
        var result: [RemoteHit] = []
        for hit in hits {
            if let archived = hit.archived, matching.contains(archived.key) { continue }
            if let messageID = hit.messageID {
                guard seenIDs.insert(messageID).inserted else { continue }
                let keys = try archive.store.read { try $0.messageKeys(withHeaderMessageID: messageID) }
                if keys.contains(where: matching.contains) { continue }
            }
            result.append(hit)
        }
        return result
    }
}

extension ArchiveSearcher {
    /// The row keys of one page of matches, without reading the store, and the number of all.
    public struct KeyPage: Sendable {
        /// The keys, in order.
        public var keys: [MessageKey]
        /// The number of matches (an estimate unless ``isExact``).
        public var total: Int
        /// Whether ``total`` is exact.
        public var isExact: Bool
    }

    /// One page of the matches' keys in `order`; with `limit` nil, every match.
    public func keyPage(_ query: SearchQuery, order: SearchOrder = .newest, offset: Int = 0,
                        limit: Int? = nil) throws -> KeyPage {
        guard hasIndex else { return KeyPage(keys: [], total: 0, isExact: true) }
        let page = try reader.search(query, order: order, offset: offset, limit: limit)
        return KeyPage(keys: page.hits.map { MessageKey($0.rowID) }, total: page.total, isExact: page.isExact)
    }
}
