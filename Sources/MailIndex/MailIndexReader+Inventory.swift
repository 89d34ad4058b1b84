import MailModel

extension MailIndexReader {
    /// One id term of the index (`Q` + a message's 64 hex digit id) and the documents that carry it.
    public struct IDPosting: Hashable, Sendable {
        /// The message id, 64 lowercase hex digits.
        public var id: String
        /// The row ids of the documents carrying the term, ascending (exactly one when all is well).
        public var rowIDs: [Int64]

        /// Creates a posting.
        public init(id: String, rowIDs: [Int64]) {
            self.id = id
            self.rowIDs = rowIDs
        }
    }

    /// The id terms whose id starts with `hexPrefix` ("" for all), in id order, each with the row ids
    /// of the documents that carry it: what `cairn verify` compares with the store, a slice at a
    /// time, to prove every message is indexed exactly once under its own id.
    public func idPostings(hexPrefix: String) throws(IndexError) -> [IDPosting] {
        try retrying { () throws(IndexError) in
            let prefix = IndexLayout.idPrefix
            let terms = try database.allTerms(prefix: prefix + hexPrefix)
            var postings: [IDPosting] = []
            postings.reserveCapacity(terms.count)
            for term in terms {
                let rowIDs = try database.documents(withTerm: term).map { hit($0).rowID }.sorted()
                postings.append(IDPosting(id: String(term.dropFirst(prefix.count)), rowIDs: rowIDs))
            }
            return postings
        }
    }

    /// The row ids of every document in the index, ascending.
    public func allRowIDs() throws(IndexError) -> [Int64] {
        try retrying { () throws(IndexError) in
            try database.documents(withTerm: "").map { hit($0).rowID }.sorted()
        }
    }
}
