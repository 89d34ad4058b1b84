import MailModel

// What the index holds, for `cairn verify` (the index matches the store).
extension MailIndexReader {
    /// Every indexed message: its hit (row id and shard) and the message id its document carries,
    /// in id order. Compare with the store to find messages missing from the index, extra
    /// documents, or documents of the wrong message.
    public func indexedMessages() throws(IndexError) -> [(hit: SearchHit, id: MessageID)] {
        try retrying { () throws(IndexError) in
            var result: [(hit: SearchHit, id: MessageID)] = []
            for term in try database.allTerms(prefix: IndexLayout.idPrefix) {
                guard let id = MessageID(hex: String(term.dropFirst(IndexLayout.idPrefix.count))) else { continue }
                for docid in try database.documents(withTerm: term) { result.append((hit(docid), id)) }
            }
            return result
        }
    }
}
