import MailModel
import MailStore
import MIME

/// The JSON of `cairn show --format json`: inspect's object (CLI.md) plus where the message was
/// seen and what the archive knows of it (`Schemas/json/show.schema.json`).
enum ShowJSON {
    static func render(_ message: DecodedMessage, details: MessageDetails) -> JSONValue {
        let summary = details.summary
        guard case .object(var members) = InspectJSON.render(message, id: summary.id) else { return .null }
        members += [
            ("thread_id", .string(summary.thread.description)),
            ("size", .int(Int64(summary.size))),
            ("sha256", .string(summary.rawSHA256.hex)),
            ("archived_at", .string(summary.archivedAt.iso8601)),
            ("folders", .array(summary.folders.map { .string($0.description) })),
            ("flags", .array(summary.flags.sorted().map { .string($0.name) })),
            ("expunged", .bool(summary.isExpunged)),
            ("holds", .array(summary.holds.map(JSONValue.string))),
            ("sightings", .array(details.sightings.map(sighting))),
        ]
        return .object(members)
    }

    static func sighting(_ record: SightingRecord) -> JSONValue {
        let seen = record.sighting
        return .object([
            ("source", .string(seen.source.rawValue)),
            ("account", .string(seen.account)),
            ("folder", .string(seen.folder.path)),
            ("uidvalidity", seen.uidValidity.map { .int(Int64($0.rawValue)) } ?? .null),
            ("uid", seen.uid.map { .int(Int64($0.rawValue)) } ?? .null),
            ("flags", .array(seen.flags.sorted().map { .string($0.name) })),
            ("internal_date", .optional(seen.internalDate?.iso8601)),
            ("first_seen", .string(record.firstSeen.iso8601)),
            ("last_seen", .string(record.lastSeen.iso8601)),
            ("expunged_at", .optional(record.expungedAt?.iso8601)),
        ])
    }
}
