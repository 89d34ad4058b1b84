import CXapian

/// Owns a read-only Xapian database: one local or remote shard, or several searched as one.
final class XapianDatabase {
    let handle: OpaquePointer

    /// An empty database to add shards to.
    init() throws(IndexError) {
        handle = try XapianCall.handle { cx_db_new($0) }
    }

    /// A local database, read-only.
    init(path: String) throws(IndexError) {
        handle = try XapianCall.handle { cx_db_open(path, $0) }
    }

    /// A database served by `xapian-tcpsrv` at host:port.
    init(host: String, port: Int, timeoutMilliseconds: Int, connectTimeoutMilliseconds: Int) throws(IndexError) {
        handle = try XapianCall.handle {
            cx_db_open_remote(host, UInt32(port), UInt32(timeoutMilliseconds), UInt32(connectTimeoutMilliseconds), $0)
        }
    }

    deinit { cx_db_free(handle) }

    /// Adds the shards of another database to this one.
    func add(_ other: XapianDatabase) throws(IndexError) {
        _ = try XapianCall.check { cx_db_add(handle, other.handle, $0) }
    }

    /// Sees the latest commit; whether anything changed.
    @discardableResult
    func reopen() throws(IndexError) -> Bool {
        try XapianCall.check { cx_db_reopen(handle, $0) } == 1
    }

    /// The number of shards searched.
    var shardCount: Int { cx_db_shard_count(handle) }

    func documentCount() throws(IndexError) -> Int {
        Int(try XapianCall.check { cx_db_doccount(handle, $0) })
    }

    func metadata(_ key: String) throws(IndexError) -> String {
        var length = 0
        let value = try XapianCall.check { cx_db_get_metadata(handle, key, &length, $0) }
        return XapianCall.takeString(value, length: length)
    }

    /// Every term starting with `prefix` (at most `limit`; 0 for all).
    func allTerms(prefix: String, limit: Int = 0) throws(IndexError) -> [String] {
        try XapianCall.withBytes(prefix) { (bytes, count) throws(IndexError) in
            var length = 0, number = 0
            let list = try XapianCall.check { cx_db_allterms(handle, bytes, count, limit, &length, &number, $0) }
            return XapianCall.takeList(list, length: length, count: number)
        }
    }

    /// The documents with an exact term.
    func documents(withTerm term: String) throws(IndexError) -> [UInt32] {
        try XapianCall.withBytes(term) { (bytes, count) throws(IndexError) in
            var number = 0
            guard let ids = try XapianCall.check({ cx_db_postlist(handle, bytes, count, &number, $0) }) else { return [] }
            defer { cx_free(ids) }
            return Array(UnsafeBufferPointer(start: ids, count: number))
        }
    }

    /// A document's terms starting with `prefix`.
    func terms(ofDocument docid: UInt32, prefix: String) throws(IndexError) -> [String] {
        try XapianCall.withBytes(prefix) { (bytes, count) throws(IndexError) in
            var length = 0, number = 0
            let list = try XapianCall.check { cx_db_doc_terms(handle, docid, bytes, count, &length, &number, $0) }
            return XapianCall.takeList(list, length: length, count: number)
        }
    }

    /// Runs a query and returns one page of results.
    /// With `collapseSlot`, only the best document of each value of that slot.
    func search(_ query: XapianQuery, sort: cx_sort, slot: Int, collapseSlot: Int? = nil, offset: Int, limit: Int,
                checkAtLeast: Int) throws(IndexError) -> XapianMatchSet {
        let mset = try XapianCall.handle {
            cx_db_search(handle, query.handle, sort, UInt32(slot), Int32(collapseSlot ?? -1), UInt32(clamping: offset),
                         UInt32(clamping: limit), UInt32(clamping: checkAtLeast), $0)
        }
        return XapianMatchSet(handle: mset)
    }
}
