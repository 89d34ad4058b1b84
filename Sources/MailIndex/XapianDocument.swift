import CXapian

/// Owns a Xapian document being built (terms, values), not yet in any database.
final class XapianDocument {
    let handle: OpaquePointer

    init() throws(IndexError) {
        handle = try XapianCall.handle { cx_doc_new($0) }
    }

    deinit { cx_doc_free(handle) }

    /// Adds an exact term (no position, no weight).
    func addBoolean(_ term: String) throws(IndexError) {
        _ = try XapianCall.withBytes(term) { (bytes, count) throws(IndexError) in
            try XapianCall.check { cx_doc_add_boolean(handle, bytes, count, $0) }
        }
    }

    /// Stores a number in a value slot (sortable, for ranges and sorting).
    func setNumber(_ value: Double, slot: Int) throws(IndexError) {
        _ = try XapianCall.check { cx_doc_set_number(handle, UInt32(slot), value, $0) }
    }

    /// Stores raw bytes in a value slot.
    func setValue(_ value: String, slot: Int) throws(IndexError) {
        _ = try XapianCall.withBytes(value) { (bytes, count) throws(IndexError) in
            try XapianCall.check { cx_doc_set_value(handle, UInt32(slot), bytes, count, $0) }
        }
    }

    /// The document's terms starting with `prefix`, in order.
    func terms(prefix: String = "") throws(IndexError) -> [String] {
        try XapianCall.withBytes(prefix) { (bytes, count) throws(IndexError) in
            var length = 0, number = 0
            let list = try XapianCall.check { cx_doc_terms(handle, bytes, count, &length, &number, $0) }
            return XapianCall.takeList(list, length: length, count: number)
        }
    }
}
