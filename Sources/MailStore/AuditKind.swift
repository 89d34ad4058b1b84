/// The kind of an audit entry, e.g. `message.archived`. Open for new kinds; the ones Cairn writes
/// are the static members.
public struct AuditKind: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    /// The stored name.
    public let rawValue: String

    /// Wraps a stored name.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// The archive was created (the first entry; payload: archive uuid).
    public static let archiveCreated = AuditKind(rawValue: "archive.created")
    /// A new message was archived (id, sha256, size, where it was first seen).
    public static let messageArchived = AuditKind(rawValue: "message.archived")
    /// An archived message was seen in another place.
    public static let messageSighted = AuditKind(rawValue: "message.sighted")
    /// A message was seen gone from the server (it stays in the archive).
    public static let messageExpunged = AuditKind(rawValue: "message.expunged")
    /// A message's flags changed on the server.
    public static let flagsChanged = AuditKind(rawValue: "message.flags")
    /// A folder's UIDVALIDITY changed.
    public static let uidValidityChanged = AuditKind(rawValue: "folder.uidvalidity")
    /// An import ran (source, counts).
    public static let importRun = AuditKind(rawValue: "import")
    /// An export ran (query, count, manifest hash).
    public static let export = AuditKind(rawValue: "export")
    /// A legal hold was placed.
    public static let holdPlaced = AuditKind(rawValue: "hold.placed")
    /// A legal hold was released.
    public static let holdReleased = AuditKind(rawValue: "hold.released")
    /// A retention rule was set or removed.
    public static let retentionChanged = AuditKind(rawValue: "retention.changed")
    /// Messages were purged (their ids).
    public static let purge = AuditKind(rawValue: "purge")
    /// The index was rebuilt.
    public static let reindex = AuditKind(rawValue: "reindex")

    /// The stored name.
    public var description: String { rawValue }
}
