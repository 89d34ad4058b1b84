import Foundation
import MailStore

/// Reads the canonical JSON payload of an audit entry back into values (for `cairn audit` and for
/// verification, which needs the ids a purge removed).
///
/// ```swift
/// let fields = AuditPayload.fields(of: entry)      // ["id": .string("9f2c..."), "size": .int(1234), ...]
/// ```
public enum AuditPayload {
    /// The payload's fields; empty when it is not a JSON object (a damaged entry, which the chain
    /// check names).
    public static func fields(of entry: AuditEntry) -> [String: AuditValue] {
        guard case .object(let fields) = parse(entry.payload) else { return [:] }
        return fields
    }

    /// The payload as a value; nil when it is not JSON.
    public static func parse(_ payload: String) -> AuditValue? {
        try? JSONDecoder().decode(DecodedValue.self, from: Data(payload.utf8)).value
    }

    /// The ids a `purge` entry records.
    public static func purgedIDs(of entry: AuditEntry) -> [String] {
        guard case .array(let values)? = fields(of: entry)["ids"] else { return [] }
        return values.compactMap { value in
            if case .string(let id) = value { return id }
            return nil
        }
    }

    /// A JSON value decoded strictly: `true` is never a number, `1` never a boolean.
    private struct DecodedValue: Decodable {
        let value: AuditValue

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if container.decodeNil() {
                value = .null
            } else if let bool = try? container.decode(Bool.self) {
                value = .bool(bool)
            } else if let int = try? container.decode(Int64.self) {
                value = .int(int)
            } else if let string = try? container.decode(String.self) {
                value = .string(string)
            } else if let array = try? container.decode([DecodedValue].self) {
                value = .array(array.map(\.value))
            } else if let object = try? container.decode([String: DecodedValue].self) {
                value = .object(object.mapValues(\.value))
            } else {
                // Payloads hold no fractions; keep one readable if it ever appears.
                value = .string(String(try container.decode(Double.self)))
            }
        }
    }
}
