import CXapian

/// Owns a Xapian term generator (CJK n-grams on, stemmer of a language); one per thread.
final class XapianTermGenerator {
    private let handle: OpaquePointer

    init(language: String) throws(IndexError) {
        handle = try XapianCall.handle { cx_termgen_new(language, $0) }
    }

    deinit { cx_termgen_free(handle) }

    /// Starts indexing into a document (positions restart at 0).
    func begin(_ document: XapianDocument) {
        cx_termgen_begin(handle, document.handle)
    }

    /// Indexes text under a prefix, accent-folded; with positions for phrases, stemmed if asked
    /// (with `stemsOnly`, the stemmed terms alone).
    func index(_ text: Substring, prefix: String, positions: Bool = true, stem: Bool,
               stemsOnly: Bool = false) throws(IndexError) {
        guard !text.isEmpty else { return }
        let flags = (positions ? CX_INDEX_POSITIONS : 0) | (stem ? CX_INDEX_STEM : 0) | (stemsOnly ? CX_INDEX_STEMS_ONLY : 0)
        _ = try XapianCall.withBytes(text) { (bytes, count) throws(IndexError) in
            try XapianCall.withBytes(prefix) { (prefixBytes, prefixCount) throws(IndexError) in
                try XapianCall.check { cx_termgen_index(handle, bytes, count, prefixBytes, prefixCount, Int32(flags), $0) }
            }
        }
    }

    /// Indexes text under a prefix (see ``index(_:prefix:positions:stem:stemsOnly:)-(Substring,_,_,_,_)``).
    func index(_ text: String, prefix: String, positions: Bool = true, stem: Bool) throws(IndexError) {
        try index(text[...], prefix: prefix, positions: positions, stem: stem)
    }

    /// Leaves a gap in positions, so that phrases do not span separate pieces of text.
    func gap(_ delta: Int = 100) {
        cx_termgen_gap(handle, UInt32(delta))
    }
}
