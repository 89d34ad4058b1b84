import CXapian

/// Owns one page of search results (Xapian's MSet), with the query, for snippets.
final class XapianMatchSet {
    private let handle: OpaquePointer

    init(handle: OpaquePointer) {
        self.handle = handle
    }

    deinit { cx_mset_free(handle) }

    /// The docids of the page, in order (combined numbering across shards).
    var docids: [UInt32] {
        (0..<cx_mset_size(handle)).map { cx_mset_docid(handle, $0) }
    }

    /// For each result of the page: how many other matches were collapsed into it, and its key.
    func collapsed() throws(IndexError) -> [(count: Int, key: String)] {
        var result: [(count: Int, key: String)] = []
        for index in 0..<cx_mset_size(handle) {
            var length = 0
            let key = try XapianCall.check { cx_mset_collapse_key(handle, index, &length, $0) }
            result.append((Int(cx_mset_collapse_count(handle, index)), XapianCall.takeString(key, length: length)))
        }
        return result
    }

    /// Lower bound, estimate and upper bound of the number of matches (equal when exact).
    var counts: (lower: Int, estimated: Int, upper: Int) {
        var lower: UInt32 = 0, estimated: UInt32 = 0, upper: UInt32 = 0
        cx_mset_counts(handle, &lower, &estimated, &upper)
        return (Int(lower), Int(estimated), Int(upper))
    }

    /// A snippet of `text` around the matched words, at most `length` bytes.
    func snippet(of text: String, length: Int, language: String, start: String, end: String,
                 omit: String) throws(IndexError) -> String {
        try XapianCall.withBytes(text) { (bytes, count) throws(IndexError) in
            var outLength = 0
            let result = try XapianCall.check {
                cx_mset_snippet(handle, bytes, count, length, language, start, end, omit, &outLength, $0)
            }
            return XapianCall.takeString(result, length: outLength)
        }
    }
}
