/// The parts of a query that IMAP SEARCH cannot express, each named with the reason.
public struct IMAPTranslationError: Error, Hashable, Sendable, CustomStringConvertible {
    /// One part that cannot be sent.
    public struct Part: Hashable, Sendable {
        /// The part as it can be typed (`thread:abc`).
        public var text: String
        /// Where it was written in the query (in the saved search, for parts from one).
        public var range: Range<Int>
        /// Why IMAP SEARCH cannot express it.
        public var reason: String
    }

    /// Every part that cannot be sent, in query order.
    public var parts: [Part]

    /// `this query cannot be sent to the server as IMAP SEARCH: thread:abc (...); budg* (...)`
    public var description: String {
        "this query cannot be sent to the server as IMAP SEARCH: "
            + parts.map { "\($0.text) (\($0.reason))" }.joined(separator: "; ")
    }
}
