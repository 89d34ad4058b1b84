import MailStore

/// The store's summary of an archived message, named apart from IMAPClient's `MessageSummary`.
typealias StoredSummary = MessageSummary
