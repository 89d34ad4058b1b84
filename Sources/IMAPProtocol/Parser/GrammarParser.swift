/// The IMAP response grammar as recursive-descent functions over a ``ParseCursor``, grouped by area in
/// `GrammarParser+<Area>.swift`. Each function carries its ABNF rule (RFC 3501 9 / RFC 9051 9 and the
/// extension RFCs) as a comment.
enum GrammarParser {}
