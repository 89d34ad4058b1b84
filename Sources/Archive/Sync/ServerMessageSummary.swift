import IMAPClient

/// IMAPClient's message summary (FLAGS, INTERNALDATE, RFC822.SIZE, MODSEQ of a UID), named apart
/// from the store's `MessageSummary`.
typealias ServerMessageSummary = MessageSummary
