import GRDB
import MailModel

extension StoreReader {
    /// The sync checkpoint of one folder, if known.
    public func folderState(account: String, folder: MailboxName) throws -> FolderState? {
        try Row.fetchOne(db.cachedStatement(sql: """
            SELECT account, name, uidvalidity, uidnext, highest_modseq, delimiter, special_use, last_sync, on_server
            FROM folder WHERE account = ? AND name = ?
            """), arguments: [account, folder.path]).map(Self.folderState)
    }

    /// The sync checkpoints of every folder of an account (of every account when nil), by name.
    public func folderStates(account: String? = nil) throws -> [FolderState] {
        try Row.fetchAll(db.cachedStatement(sql: """
            SELECT account, name, uidvalidity, uidnext, highest_modseq, delimiter, special_use, last_sync, on_server
            FROM folder WHERE ?1 IS NULL OR account = ?1 ORDER BY account, name
            """), arguments: [account]).map(Self.folderState)
    }

    /// The sightings of a folder under one UIDVALIDITY, by UID (expunged ones included when asked).
    public func sightings(account: String, folder: MailboxName, uidValidity: UIDValidity,
                          includingExpunged: Bool = false) throws -> [SightingRecord] {
        try Row.fetchAll(db.cachedStatement(sql: """
            SELECT \(Self.sightingColumns) FROM sighting
            WHERE account = ? AND folder = ? AND uidvalidity = ? AND (? OR expunged_at IS NULL) ORDER BY uid
            """), arguments: [account, folder.path, Int64(uidValidity.rawValue), includingExpunged])
            .map(Self.sightingRecord)
    }

    /// Every sighting of a message.
    public func sightings(of key: MessageKey) throws -> [SightingRecord] {
        try Row.fetchAll(db.cachedStatement(sql: """
            SELECT \(Self.sightingColumns) FROM sighting WHERE message = ? ORDER BY account, folder, uidvalidity, uid
            """), arguments: [key.rawValue]).map(Self.sightingRecord)
    }

    /// The UIDs archived for a folder under one UIDVALIDITY and not seen expunged, ascending.
    public func uids(account: String, folder: MailboxName, uidValidity: UIDValidity) throws -> [UID] {
        try Int64.fetchAll(db.cachedStatement(sql: """
            SELECT uid FROM sighting WHERE account = ? AND folder = ? AND uidvalidity = ? AND expunged_at IS NULL ORDER BY uid
            """), arguments: [account, folder.path, Int64(uidValidity.rawValue)]).map { UID(UInt32(truncatingIfNeeded: $0)) }
    }

    /// The UIDVALIDITY changes recorded for a folder, oldest first: (old, new, when).
    public func uidValidityChanges(account: String, folder: MailboxName) throws
        -> [(old: UIDValidity, new: UIDValidity, at: Timestamp)] {
        try Row.fetchAll(db.cachedStatement(sql: """
            SELECT old_value, new_value, changed_at FROM uidvalidity_change WHERE account = ? AND folder = ? ORDER BY id
            """), arguments: [account, folder.path]).map { row in
            (UIDValidity(UInt32(truncatingIfNeeded: row[0] as Int64)), UIDValidity(UInt32(truncatingIfNeeded: row[1] as Int64)),
             Timestamp(rawValue: row[2]))
        }
    }

    static let sightingColumns = """
        message, source, account, folder, uidvalidity, uid, flags, internal_date, modseq, first_seen, last_seen, expunged_at
        """

    static func sightingRecord(_ row: Row) -> SightingRecord {
        let sighting = Sighting(
            source: SourceKind(rawValue: row[1]) ?? .eml, account: row[2], folder: MailboxName(row[3] as String),
            uidValidity: (row[4] as Int64?).map { UIDValidity(UInt32(truncatingIfNeeded: $0)) },
            uid: (row[5] as Int64?).map { UID(UInt32(truncatingIfNeeded: $0)) }, flags: ColumnText.parseFlags(row[6]),
            internalDate: (row[7] as Int64?).map(Timestamp.init(rawValue:)),
            modSeq: (row[8] as Int64?).map { ModSeq(UInt64($0)) })
        return SightingRecord(message: MessageKey(row[0] as Int64), sighting: sighting,
                              firstSeen: Timestamp(rawValue: row[9]), lastSeen: Timestamp(rawValue: row[10]),
                              expungedAt: (row[11] as Int64?).map(Timestamp.init(rawValue:)))
    }

    static func folderState(_ row: Row) -> FolderState {
        FolderState(account: row[0], folder: MailboxName(row[1] as String),
                    uidValidity: (row[2] as Int64?).map { UIDValidity(UInt32(truncatingIfNeeded: $0)) },
                    uidNext: (row[3] as Int64?).map { UID(UInt32(truncatingIfNeeded: $0)) },
                    highestModSeq: (row[4] as Int64?).map { ModSeq(UInt64($0)) }, delimiter: row[5], specialUse: row[6],
                    lastSync: (row[7] as Int64?).map(Timestamp.init(rawValue:)), existsOnServer: row[8])
    }
}
