#if canImport(Glibc)
import Glibc
#endif
import Archive
import Foundation
import MailModel
import MailQuery

/// The query words of `search`, `count` and `export`, joined and parsed (`query:NAME` taken from
/// the archive's saved searches); a bad query becomes exit code 2 with the query and a caret line
/// under the problem.
enum QueryInput {
    /// Parses the words as one query (no words, or `*`, match everything); saved searches are read
    /// from the archive in `home` when the query uses one.
    static func parse(_ words: [String], home: URL? = nil) throws -> SearchQuery {
        let text = self.text(words)
        let now = Timestamp(rawValue: Int64(time(nil)))
        let saved = SavedSearchSource(home: home)
        do {
            return try SearchQuery.parse(text, now: now, savedQuery: saved.query(named:))
        } catch {
            throw CLIError(description: "bad query: \(error.description)\n  \(text)\n  \(error.marker(under: text))",
                           exitCode: CairnExitCode.usage.rawValue)
        }
    }

    /// The words as one query text; `--` ends the options and is no part of the query; negated
    /// words marked by ``QueryArguments`` get their `-` back.
    static func text(_ words: [String]) -> String {
        var words = words.map(QueryArguments.restore)
        if let separator = words.firstIndex(of: "--") { words.remove(at: separator) }
        return words.joined(separator: " ")
    }
}

/// Saved searches read from an archive on first use (most queries use none).
final class SavedSearchSource {
    private let home: URL?
    private var archive: MailArchive?

    init(home: URL?) {
        self.home = home
    }

    deinit { try? archive?.close() }

    /// The text of the saved search of that name, if any.
    func query(named name: String) -> String? {
        guard let home else { return nil }
        if archive == nil { archive = try? MailArchive.open(home: home, access: .readOnly, options: .singleReader) }
        return try? archive?.savedSearches().first { $0.name == name }?.query
    }
}
