import Foundation
import MailIndex
import MailQuery

/// What snippets of one query's results are made with: Xapian's snippet maker for the query, and
/// the words the query looks for in text, which choose the part of a long text the maker reads
/// (so a snippet costs the same for a short note and a long thread).
public final class SearchSnippets {
    let maker: SnippetMaker
    /// The words and phrases of the query's text conditions (not under NOT), as typed.
    let words: [String]

    /// Characters of text the maker reads: a window around the first place a query word appears.
    static let window = 2_400

    init(maker: SnippetMaker, query: SearchQuery) {
        self.maker = maker
        words = SearchSnippets.words(of: query.root)
    }

    /// The words of the positive text conditions of a tree.
    static func words(of node: QueryNode) -> [String] {
        switch node {
        case .all, .not: return []
        case .saved(_, let child): return words(of: child)
        case .and(let children), .or(let children): return children.flatMap(words(of:))
        case .term(let term):
            guard term.field == nil || term.field == .body || term.field == .subject else { return [] }
            switch term.value {
            case .words(let text), .phrase(let text), .prefix(let text): return text.isEmpty ? [] : [text]
            default: return []
            }
        }
    }

    /// The part of `text` to cut a snippet from: a window around the earliest place any query word
    /// appears in its first ``searchedScalars`` (ignoring case and accents), else the beginning.
    /// Works on Unicode scalars, not characters, so that long texts cost little.
    func window(of text: String) -> String {
        let scalars = text.unicodeScalars
        guard text.utf8.count > SearchSnippets.window else { return text }
        let searchEnd = scalars.index(scalars.startIndex, offsetBy: SearchSnippets.searchedScalars,
                                      limitedBy: scalars.endIndex) ?? scalars.endIndex
        let searched = text[scalars.startIndex..<searchEnd]
        var earliest: String.Index?
        for word in words {
            if let found = searched.range(of: word, options: [.caseInsensitive, .diacriticInsensitive]),
               earliest.map({ found.lowerBound < $0 }) ?? true {
                earliest = found.lowerBound
            }
        }
        let center = earliest ?? scalars.startIndex
        let start = scalars.index(center, offsetBy: -SearchSnippets.window / 4, limitedBy: scalars.startIndex)
            ?? scalars.startIndex
        let end = scalars.index(start, offsetBy: SearchSnippets.window, limitedBy: scalars.endIndex) ?? scalars.endIndex
        return String(scalars[start..<end])
    }

    /// How far into a text the query's words are looked for: 32,768 Unicode scalars.
    static let searchedScalars = 32_768
}
