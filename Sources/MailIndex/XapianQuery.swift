import CXapian

/// Owns one Xapian query.
final class XapianQuery {
    let handle: OpaquePointer

    private init(handle: OpaquePointer) {
        self.handle = handle
    }

    deinit { cx_query_free(handle) }

    /// Every document.
    static func all() throws(IndexError) -> XapianQuery {
        XapianQuery(handle: try XapianCall.handle { cx_query_match_all($0) })
    }

    /// No document.
    static func nothing() throws(IndexError) -> XapianQuery {
        XapianQuery(handle: try XapianCall.handle { cx_query_match_nothing($0) })
    }

    /// One exact term.
    static func term(_ term: String) throws(IndexError) -> XapianQuery {
        try XapianCall.withBytes(term) { (bytes, count) throws(IndexError) in
            XapianQuery(handle: try XapianCall.handle { cx_query_term(bytes, count, $0) })
        }
    }

    /// Subqueries joined by an operator; one subquery is returned as is.
    static func combine(_ op: cx_op, _ queries: [XapianQuery]) throws(IndexError) -> XapianQuery {
        if queries.count == 1, op != CX_OP_AND_NOT { return queries[0] }
        let handles: [OpaquePointer?] = queries.map { $0.handle }
        let result: Result<OpaquePointer, IndexError> = withExtendedLifetime(queries) {
            handles.withUnsafeBufferPointer { buffer in
                XapianCall.capture { () throws(IndexError) in
                    try XapianCall.handle { cx_query_combine(op, buffer.baseAddress, buffer.count, $0) }
                }
            }
        }
        return XapianQuery(handle: try result.get())
    }

    /// Documents whose number in `slot` lies in the range (an absent end is open).
    static func valueRange(slot: Int, low: Double?, high: Double?) throws(IndexError) -> XapianQuery {
        XapianQuery(handle: try XapianCall.handle {
            cx_query_value_range(UInt32(slot), low == nil ? 0 : 1, low ?? 0, high == nil ? 0 : 1, high ?? 0, $0)
        })
    }

    /// Words starting with `word` under any of the prefixes.
    static func wildcard(_ word: String, prefixes: [String]) throws(IndexError) -> XapianQuery {
        try XapianCall.withList(prefixes) { (list, count) throws(IndexError) in
            try XapianCall.withBytes(word) { (bytes, length) throws(IndexError) in
                XapianQuery(handle: try XapianCall.handle { cx_query_wildcard(list, count, bytes, length, $0) })
            }
        }
    }

    /// A text fragment parsed as the term generator tokenized the mail.
    static func parse(_ text: String, parser: XapianQueryParser, prefixes: [String], phrase: Bool,
                      stem: Bool) throws(IndexError) -> XapianQuery {
        let flags = (phrase ? CX_PARSE_PHRASE : 0) | (stem ? CX_PARSE_STEM : 0)
        return try XapianCall.withList(prefixes) { (list, count) throws(IndexError) in
            try XapianCall.withBytes(text) { (bytes, length) throws(IndexError) in
                XapianQuery(handle: try XapianCall.handle {
                    cx_query_parse(parser.handle, bytes, length, list, count, Int32(flags), $0)
                })
            }
        }
    }

    /// Whether the query is empty (a fragment with nothing to search for).
    var isEmpty: Bool { cx_query_is_empty(handle) == 1 }

    /// Xapian's description: `Query((Zbudget@1 AND XFOLDERINBOX))`.
    func describe() throws(IndexError) -> String {
        var length = 0
        let text = try XapianCall.check { cx_query_describe(handle, &length, $0) }
        return XapianCall.takeString(text, length: length)
    }
}

/// Owns the stemmer that query fragments are parsed with.
final class XapianQueryParser {
    let handle: OpaquePointer

    init(language: String) throws(IndexError) {
        handle = try XapianCall.handle { cx_qparser_new(language, $0) }
    }

    deinit { cx_qparser_free(handle) }
}
