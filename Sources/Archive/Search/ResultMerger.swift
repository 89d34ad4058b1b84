import MailIndex
import MailModel
import MailStore

/// Merges the archive's matches (row keys in the index's order) with servers' hits into one list in
/// the search order, reading the archived messages' summaries a page at a time, so that memory
/// holds one page and the hits whatever the number of matches.
///
/// Newest first: by date, undated last; oldest first: undated first. At equal dates archived
/// messages come first. By relevance the archive's matches come first (the server does not rank),
/// then the hits newest first.
public struct ResultMerger {
    /// Archived messages read per page.
    public static let pageSize = 500

    /// The order.
    public let order: SearchOrder
    /// The results to skip.
    public let offset: Int
    /// The most results to give; nil for all.
    public let limit: Int?

    /// A merger.
    public init(order: SearchOrder, offset: Int = 0, limit: Int? = nil) {
        self.order = order
        self.offset = max(0, offset)
        self.limit = limit
    }

    /// Calls `body` with each result in order, after `offset`, at most `limit` of them; `summaries`
    /// reads the summaries of a page of keys. Returns the number given.
    @discardableResult
    public func merge(local keys: [MessageKey], server hits: [RemoteHit],
                      summaries: ([MessageKey]) throws -> [MessageSummary],
                      _ body: (SearchResult) throws -> Void) throws -> Int {
        let sortedHits = sorted(hits)
        var next = 0
        var position = 0
        var given = 0
        func emit(_ result: SearchResult) throws -> Bool {
            defer { position += 1 }
            guard position >= offset else { return true }
            if let limit, given >= limit { return false }
            try body(result)
            given += 1
            return limit.map { given < $0 } ?? true
        }
        var start = 0
        while start < keys.count {
            let page = Array(keys[start..<min(keys.count, start + ResultMerger.pageSize)])
            start += page.count
            for summary in try summaries(page) {
                while next < sortedHits.count, order != .relevance, precedes(sortedHits[next].date, summary.date) {
                    guard try emit(.server(sortedHits[next])) else { return given }
                    next += 1
                }
                guard try emit(.local(summary)) else { return given }
            }
        }
        while next < sortedHits.count {
            guard try emit(.server(sortedHits[next])) else { return given }
            next += 1
        }
        return given
    }

    /// The hits in the order (newest first for relevance), stable.
    func sorted(_ hits: [RemoteHit]) -> [RemoteHit] {
        hits.enumerated().sorted { left, right in
            if precedes(left.element.date, right.element.date) { return true }
            if precedes(right.element.date, left.element.date) { return false }
            return left.offset < right.offset
        }.map(\.element)
    }

    /// Whether a result dated `left` comes strictly before one dated `right`.
    func precedes(_ left: Timestamp?, _ right: Timestamp?) -> Bool {
        switch (left, right) {
        case (let left?, let right?): return order == .oldest ? left < right : left > right
        case (nil, _?): return order == .oldest
        case (_?, nil): return order != .oldest
        case (nil, nil): return false
        }
    }
}
