/// Makes snippets: the parts of a message's text around the words a query matched.
///
/// ```swift
/// let snippets = try reader.snippets(for: query)
/// snippets.snippet(of: bodyText)   // "...the [budget] for Q1 is..."
/// ```
public final class SnippetMaker {
    private let matchSet: XapianMatchSet
    private let language: String

    init(matchSet: XapianMatchSet, language: String) {
        self.matchSet = matchSet
        self.language = language
    }

    /// A piece of `text` of at most `length` bytes around the matched words, the matches between
    /// `start` and `end`, `omit` where text was cut. Empty on failure (a snippet is never essential).
    public func snippet(of text: String, length: Int = 200, start: String = "[", end: String = "]",
                        omit: String = "...") -> String {
        (try? matchSet.snippet(of: text, length: length, language: language, start: start, end: end, omit: omit)) ?? ""
    }
}
