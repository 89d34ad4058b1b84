/// A message's Xapian document, built (by a ``DocumentBuilder``) and waiting for the writer.
///
/// It may cross threads: built on a worker, consumed by the writer's thread.
// @unchecked Sendable: the document is complete when this is created and never changed after;
// the only use of the handle afterwards is the writer reading it, on one thread at a time.
public final class PreparedDocument: @unchecked Sendable {
    /// The docid (the store's row id).
    public let rowID: Int64
    let docid: UInt32
    let document: XapianDocument
    /// The first account the message was seen in, for sharding by account.
    let account: String?
    /// The UTC year of its date, for sharding by year.
    let year: Int?

    init(docid: UInt32, document: XapianDocument, account: String?, year: Int?) {
        self.rowID = Int64(docid)
        self.docid = docid
        self.document = document
        self.account = account
        self.year = year
    }

    /// The document's terms (for tests and `--explain`-style debugging).
    public func terms() throws(IndexError) -> [String] {
        try document.terms()
    }
}
