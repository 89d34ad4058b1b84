#if canImport(Glibc)
import Glibc
#endif
import MailModel
import MailQuery

/// The query words of `search` and `count`, joined and parsed; a bad query becomes exit code 2
/// with the query and a caret line under the problem.
enum QueryInput {
    /// Parses the words as one query (no words, or `*`, match everything).
    static func parse(_ words: [String]) throws -> SearchQuery {
        // `--` ends the options (so that a query may begin with `-`); it is no part of the query.
        var words = words
        if let separator = words.firstIndex(of: "--") { words.remove(at: separator) }
        let text = words.joined(separator: " ")
        let now = Timestamp(rawValue: Int64(time(nil)))
        do {
            return try SearchQuery.parse(text, now: now)
        } catch {
            throw CLIError(description: "bad query: \(error.description)\n  \(text)\n  \(error.marker(under: text))",
                           exitCode: CairnExitCode.usage.rawValue)
        }
    }
}
