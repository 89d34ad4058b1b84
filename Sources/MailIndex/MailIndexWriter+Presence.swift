extension MailIndexWriter {
    /// Whether the index holds a document for this row id (in any shard, remote ones included).
    public func containsDocument(rowID: Int64) throws(IndexError) -> Bool {
        guard let docid = UInt32(exactly: rowID) else { return false }
        for name in shardOrder where try shards[name]!.contains(docid: docid) { return true }
        return try remoteRowIDs().contains(docid)
    }

    /// The row ids among `rowIDs` that the index holds no document for, in the order given (the
    /// engine's catch-up: those need their text indexed, the others only their state updated).
    public func missingRowIDs(_ rowIDs: [Int64]) throws(IndexError) -> [Int64] {
        var missing: [Int64] = []
        for rowID in rowIDs where try !containsDocument(rowID: rowID) { missing.append(rowID) }
        return missing
    }
}
