import CXapian

/// The index's accent folding (Cairn's table, in the shim), for terms built in Swift.
enum XapianFold {
    /// Accents folded, case kept: `Résumé` → `Resume`.
    static func fold(_ text: String) throws(IndexError) -> String {
        try XapianCall.withBytes(text) { (bytes, count) throws(IndexError) in
            var length = 0
            let folded = try XapianCall.check { cx_fold(bytes, count, &length, $0) }
            return XapianCall.takeString(folded, length: length)
        }
    }

    /// Accents folded and lowercased as Xapian lowercases: `Résumé.PDF` → `resume.pdf`.
    static func foldLower(_ text: String) throws(IndexError) -> String {
        try XapianCall.withBytes(text) { (bytes, count) throws(IndexError) in
            var length = 0
            let folded = try XapianCall.check { cx_fold_lower(bytes, count, &length, $0) }
            return XapianCall.takeString(folded, length: length)
        }
    }
}
