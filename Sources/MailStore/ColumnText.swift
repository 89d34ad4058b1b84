import Foundation
import MailModel

/// Encodings of small values in columns.
enum ColumnText {
    /// A list of strings as a JSON array.
    static func list(_ values: [String]) -> String {
        AuditValue.array(values.map(AuditValue.string)).canonicalJSON
    }

    /// A JSON array of strings back as a list (empty for anything else).
    static func parseList(_ text: String?) -> [String] {
        guard let text, let data = text.data(using: .utf8),
              let values = try? JSONDecoder().decode([String].self, from: data) else { return [] }
        return values
    }

    /// Flags as stored: sorted lowercase names, space separated, without `\Recent`.
    static func flags(_ flags: Set<Flag>) -> String {
        flags.filter { $0 != .recent }.map(\.name).sorted().joined(separator: " ")
    }

    /// Stored flags back as a set.
    static func parseFlags(_ text: String?) -> Set<Flag> {
        guard let text, !text.isEmpty else { return [] }
        return Set(text.split(separator: " ").map { Flag(String($0)) })
    }

    /// Keys as a JSON array of integers, for `IN (SELECT value FROM json_each(?))`.
    static func keys(_ keys: some Sequence<MessageKey>) -> String {
        "[" + keys.map { String($0.rawValue) }.joined(separator: ",") + "]"
    }
}
