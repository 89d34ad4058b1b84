import MailModel

/// An event to append to the audit chain: a kind and a payload object. The store appends the events
/// of its own operations itself; the engine appends the others (import, export, reindex) through
/// `WriteTransaction.appendAudit(_:)`, in the transaction of the change they record.
public struct AuditEvent: Hashable, Sendable {
    /// What happened.
    public var kind: AuditKind
    /// The payload's fields (stored as canonical JSON).
    public var fields: [String: AuditValue]

    /// Creates an event.
    public init(kind: AuditKind, fields: [String: AuditValue]) {
        self.kind = kind
        self.fields = fields
    }

    /// The canonical JSON payload.
    public var payload: String { AuditValue.object(fields).canonicalJSON }

    /// An import run: what was read and what came of it.
    public static func importRun(source: SourceKind, account: String, folder: String?, read: Int, new: Int,
                                 existing: Int, failed: Int) -> AuditEvent {
        AuditEvent(kind: .importRun, fields: [
            "source": .string(source.rawValue), "account": .string(account), "folder": .optional(folder),
            "read": .int(Int64(read)), "new": .int(Int64(new)), "existing": .int(Int64(existing)),
            "failed": .int(Int64(failed)),
        ])
    }

    /// An export: the query, how many messages, the format and the SHA-256 of its manifest.
    public static func export(query: String, count: Int, format: String, manifestSHA256: SHA256Digest?) -> AuditEvent {
        AuditEvent(kind: .export, fields: [
            "query": .string(query), "count": .int(Int64(count)), "format": .string(format),
            "manifest_sha256": .optional(manifestSHA256?.hex),
        ])
    }

    /// A reindex: how many messages were (re)indexed and why.
    public static func reindex(messages: Int, reason: String) -> AuditEvent {
        AuditEvent(kind: .reindex, fields: ["messages": .int(Int64(messages)), "reason": .string(reason)])
    }
}

extension AuditEvent {
    /// The fields that say where a message was seen.
    static func sightingFields(_ sighting: Sighting?) -> [String: AuditValue] {
        guard let sighting else { return [:] }
        return [
            "source": .string(sighting.source.rawValue),
            "account": .string(sighting.account),
            "folder": .string(sighting.folder.path),
            "uidvalidity": .optional(sighting.uidValidity.map { Int64($0.rawValue) }),
            "uid": .optional(sighting.uid.map { Int64($0.rawValue) }),
            "internal_date": .optional(sighting.internalDate?.rawValue),
        ]
    }

    /// A new message: its id, SHA-256 of the raw bytes, size, and where it was first seen.
    static func messageArchived(id: MessageID, rawSHA256: SHA256Digest, size: Int, sighting: Sighting?) -> AuditEvent {
        var fields = sightingFields(sighting)
        fields["id"] = .string(id.hex)
        fields["sha256"] = .string(rawSHA256.hex)
        fields["size"] = .int(Int64(size))
        return AuditEvent(kind: .messageArchived, fields: fields)
    }

    /// An archived message seen in another place.
    static func messageSighted(id: MessageID, sighting: Sighting) -> AuditEvent {
        var fields = sightingFields(sighting)
        fields["id"] = .string(id.hex)
        return AuditEvent(kind: .messageSighted, fields: fields)
    }
}
