import MailModel

extension PreparedDocument {
    /// The document moved to its final row id, with the terms of its changing state added.
    ///
    /// For documents built before the store assigned the message's row id and thread (the engine
    /// builds them on worker threads while the message is still on its way to the store): build
    /// with any valid row id and an empty ``MessageState``, then place the result once the store
    /// has answered. This consumes the document: call it once, and use only the returned one.
    ///
    /// ```swift
    /// let draft = try builder.build(document)                        // on a worker, rowID 1
    /// let final = try draft.placed(rowID: key, state: state)         // on the writer
    /// try writer.add([final])
    /// ```
    public func placed(rowID: Int64, state: MessageState) throws(IndexError) -> PreparedDocument {
        guard let docid = UInt32(exactly: rowID), docid > 0 else {
            throw IndexError(.invalidArgument, "row id \(rowID) cannot be a Xapian docid (1 to 4294967295)")
        }
        for term in DocumentBuilder.stateTerms(state) { try document.addBoolean(term) }
        // The thread is also the collapse key of `searchThreads` (value slot), as `build` sets it.
        if let thread = state.threadID, !thread.isEmpty { try document.setValue(thread, slot: IndexLayout.threadSlot) }
        return PreparedDocument(docid: docid, document: document, account: state.accounts.first, year: year)
    }
}
