import Archive
import MailModel
import MailStore

/// How `cairn audit` shows an entry: a readable line, or a JSON object.
enum AuditText {
    /// `    12  2024-03-01T09:30:00Z  message.archived   9f2c5a1b2c3d  4.2 kB  work/INBOX uid 42`.
    static func line(_ entry: AuditEntry) -> String {
        let sequence = String(entry.sequence)
        let paddedSequence = String(repeating: " ", count: max(0, 7 - sequence.count)) + sequence
        let kind = entry.kind.rawValue.padding(toLength: max(18, entry.kind.rawValue.count), withPad: " ", startingAt: 0)
        return "\(paddedSequence)  \(entry.time.iso8601)  \(kind)  \(summary(entry))"
    }

    /// The entry as JSON: sequence, time, kind, payload (as an object, and as the stored canonical
    /// text the hash covers), previous hash, hash.
    static func json(_ entry: AuditEntry) -> JSONValue {
        let payload = AuditPayload.parse(entry.payload).map(json) ?? .string(entry.payload)
        return .object([
            ("seq", .int(entry.sequence)), ("time", .string(entry.time.iso8601)), ("kind", .string(entry.kind.rawValue)),
            ("payload", payload), ("payload_text", .string(entry.payload)),
            ("prev_sha256", .string(entry.previousHash.hex)), ("sha256", .string(entry.hash.hex)),
        ])
    }

    /// A payload value as JSON, object keys in byte order (as the canonical payload has them).
    static func json(_ value: AuditValue) -> JSONValue {
        switch value {
        case .null: return .null
        case .bool(let bool): return .bool(bool)
        case .int(let int): return .int(int)
        case .string(let string): return .string(string)
        case .array(let values): return .array(values.map(json))
        case .object(let fields):
            return .object(fields.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }.map { ($0, json(fields[$0]!)) })
        }
    }

    /// What the entry records, in a few words.
    static func summary(_ entry: AuditEntry) -> String {
        let fields = AuditPayload.fields(of: entry)
        func text(_ key: String) -> String? {
            switch fields[key] {
            case .string(let value)?: return value
            case .int(let value)?: return String(value)
            case .bool(let value)?: return String(value)
            default: return nil
            }
        }
        func int(_ key: String) -> Int64 {
            if case .int(let value)? = fields[key] { return value }
            return 0
        }
        func short(_ key: String) -> String { String((text(key) ?? "-").prefix(12)) }
        func place() -> String {
            var place = [text("account"), text("folder")].compactMap { $0 }.joined(separator: "/")
            if let uid = text("uid") { place += " uid \(uid)" }
            return place
        }
        switch entry.kind {
        case .archiveCreated:
            return "archive \(text("archive_uuid") ?? "")"
        case .messageArchived:
            return "\(short("id"))  \(StatsOutput.size(int("size")))  \(place())"
        case .messageSighted:
            return "\(short("id"))  also in \(place())"
        case .messageExpunged:
            return "\(short("id"))  gone from \(place()) (kept in the archive)"
        case .flagsChanged:
            return "\(short("id"))  \(place()): \(list(fields["old"])) -> \(list(fields["new"]))"
        case .uidValidityChanged:
            return "\(place()): UIDVALIDITY \(text("old") ?? "?") -> \(text("new") ?? "?")"
        case .importRun:
            let into = [text("account"), text("folder")].compactMap { $0 }.joined(separator: "/")
            return "\(text("source") ?? "?") into \(into): \(int("read")) read, \(int("new")) new, "
                + "\(int("existing")) already archived, \(int("failed")) failed"
        case .export:
            return "\(int("count")) messages as \(text("format") ?? "?"), query \(text("query") ?? "*")"
                + (text("manifest_sha256").map { ", manifest \($0.prefix(12))" } ?? "")
        case .holdPlaced:
            return "\(text("name") ?? "?"): \(text("query") ?? "")" + (text("reason").map { " (\($0))" } ?? "")
        case .holdExtended:
            return "\(text("name") ?? "?"): +\(int("count")) messages"
        case .holdReleased:
            return "\(text("name") ?? "?") (\(int("messages")) messages)"
        case .retentionChanged:
            let scope = text("scope") == "all" ? "all" : "\(text("scope") ?? "?") \(text("pattern") ?? "")"
            let change = text("keep").map { "keep \($0)" } ?? "rule removed"
            return "\(scope): \(change)" + (text("previous").map { " (was \($0))" } ?? "")
        case .purge:
            let ids = AuditPayload.purgedIDs(of: entry)
            let shown = ids.prefix(3).map { String($0.prefix(12)) }.joined(separator: ", ")
            return "\(int("count")) messages (\(StatsOutput.size(int("bytes"))))"
                + (ids.isEmpty ? "" : ": \(shown)\(ids.count > 3 ? ", ..." : "")")
        case .reindex:
            return "\(int("messages")) messages (\(text("reason") ?? ""))"
        default:
            return fields.keys.sorted().map { "\($0)=\(text($0) ?? "...")" }.joined(separator: " ")
        }
    }

    private static func list(_ value: AuditValue?) -> String {
        guard case .array(let values)? = value else { return "()" }
        let names = values.compactMap { value -> String? in
            if case .string(let name) = value { return name }
            return nil
        }
        return names.isEmpty ? "()" : names.joined(separator: " ")
    }

    /// `YYYY-MM-DDTHH:MM:SSZ` (or with a space for the T); nil for anything else.
    static func parseTime(_ text: String) -> Timestamp? {
        let bytes = Array(text.utf8)
        guard bytes.count == 20, bytes[19] == UInt8(ascii: "Z"), bytes[10] == UInt8(ascii: "T") || bytes[10] == 0x20 else {
            return nil
        }
        func number(_ range: Range<Int>) -> Int? {
            guard range.allSatisfy({ (0x30...0x39).contains(bytes[$0]) }) else { return nil }
            return Int(String(decoding: bytes[range], as: UTF8.self))
        }
        guard bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"), bytes[13] == UInt8(ascii: ":"),
              bytes[16] == UInt8(ascii: ":"), let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
              let hour = number(11..<13), let minute = number(14..<16), let second = number(17..<19) else { return nil }
        return Timestamp(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
    }
}
