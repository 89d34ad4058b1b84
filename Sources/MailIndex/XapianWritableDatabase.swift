import CXapian

/// Owns one local Xapian database opened for writing (and its write lock). One thread at a time.
final class XapianWritableDatabase {
    /// How to open.
    enum Action: Int32 {
        case open = 0
        case createOrOpen = 1
        case createOrOverwrite = 2
    }

    private let handle: OpaquePointer
    /// Where it lives.
    let path: String

    init(path: String, action: Action) throws(IndexError) {
        self.path = path
        handle = try XapianCall.handle { cx_wdb_open(path, action.rawValue, $0) }
    }

    deinit { cx_wdb_free(handle) }

    /// Whether the staged transaction is open: changes made by ``stage(_:)`` that wait for
    /// ``commit()``.
    private(set) var isStaging = false
    /// How many staged transactions ended without being committed (cancelled, or their commit
    /// failed): a stager compares it before and after to know its changes are durable.
    private(set) var stagingLosses = 0

    /// Runs `body` in a transaction: committed when it returns, cancelled when it throws. Staged
    /// changes are committed first.
    func transaction<T>(flushed: Bool = true, _ body: () throws(IndexError) -> T) throws(IndexError) -> T {
        if isStaging { try commit() }
        _ = try XapianCall.check { cx_wdb_begin(handle, flushed ? 1 : 0, $0) }
        let result: T
        do {
            result = try body()
        } catch {
            _ = try? XapianCall.check { cx_wdb_cancel_transaction(handle, $0) }
            throw error
        }
        _ = try XapianCall.check { cx_wdb_commit_transaction(handle, $0) }
        return result
    }

    /// Runs `body` in the staged transaction, opening it when none is: its changes wait, with
    /// those of earlier calls, for ``commit()`` (Xapian writes them to disk as they grow, without
    /// committing, so memory stays bounded). When `body` throws, every staged change is cancelled.
    func stage<T>(_ body: () throws(IndexError) -> T) throws(IndexError) -> T {
        if !isStaging {
            _ = try XapianCall.check { cx_wdb_begin(handle, 1, $0) }
            isStaging = true
        }
        do {
            return try body()
        } catch {
            isStaging = false
            stagingLosses += 1
            _ = try? XapianCall.check { cx_wdb_cancel_transaction(handle, $0) }
            throw error
        }
    }

    /// Runs `body` staged (``stage(_:)``) or in its own transaction (``transaction(flushed:_:)``).
    func change<T>(staged: Bool, _ body: () throws(IndexError) -> T) throws(IndexError) -> T {
        staged ? try stage(body) : try transaction(body)
    }

    /// Makes pending changes durable: the staged transaction's, or those made outside any.
    func commit() throws(IndexError) {
        if isStaging {
            isStaging = false
            do {
                _ = try XapianCall.check { cx_wdb_commit_transaction(handle, $0) }
            } catch {
                stagingLosses += 1
                throw error
            }
        } else {
            _ = try XapianCall.check { cx_wdb_commit(handle, $0) }
        }
    }

    /// Adds or replaces the document with this id.
    func replace(docid: UInt32, with document: XapianDocument) throws(IndexError) {
        _ = try XapianCall.check { cx_wdb_replace(handle, docid, document.handle, $0) }
    }

    /// Deletes a document; whether it was there.
    @discardableResult
    func delete(docid: UInt32) throws(IndexError) -> Bool {
        try XapianCall.check { cx_wdb_delete(handle, docid, $0) } == 1
    }

    /// Whether a document with this id exists.
    func contains(docid: UInt32) throws(IndexError) -> Bool {
        try XapianCall.check { cx_wdb_contains(handle, docid, $0) } == 1
    }

    /// Replaces the document's terms under `prefixes` by `terms`, and sets (or with "" removes) the
    /// value in `slot`; false when there is no such document.
    func replaceTerms(docid: UInt32, prefixes: [String], terms: [String], slot: Int, value: String) throws(IndexError) -> Bool {
        try XapianCall.withList(prefixes) { (prefixList, prefixCount) throws(IndexError) in
            try XapianCall.withList(terms) { (termList, termCount) throws(IndexError) in
                try XapianCall.withBytes(value) { (valueBytes, valueCount) throws(IndexError) in
                    try XapianCall.check {
                        cx_wdb_replace_terms(handle, docid, prefixList, prefixCount, termList, termCount, Int32(slot),
                                             valueBytes, valueCount, $0)
                    } == 1
                }
            }
        }
    }

    /// Writes a compacted copy (docids kept) to a new folder.
    func compact(to destination: String) throws(IndexError) {
        if isStaging { try commit() }
        _ = try XapianCall.check { cx_wdb_compact(handle, destination, $0) }
    }

    /// The number of documents.
    func documentCount() throws(IndexError) -> Int {
        Int(try XapianCall.check { cx_wdb_doccount(handle, $0) })
    }

    /// A metadata value ("" when unset).
    func metadata(_ key: String) throws(IndexError) -> String {
        var length = 0
        let value = try XapianCall.check { cx_wdb_get_metadata(handle, key, &length, $0) }
        return XapianCall.takeString(value, length: length)
    }

    /// Sets a metadata value (written with the next commit).
    func setMetadata(_ key: String, _ value: String) throws(IndexError) {
        _ = try XapianCall.withBytes(value) { (bytes, count) throws(IndexError) in
            try XapianCall.check { cx_wdb_set_metadata(handle, key, bytes, count, $0) }
        }
    }
}
