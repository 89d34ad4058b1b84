import GRDB
import MailModel

extension StoreReader {
    /// Counts and sizes of the whole archive, per account and per folder.
    public func stats() throws -> ArchiveStats {
        var stats = ArchiveStats()
        if let row = try Row.fetchOne(db, sql: """
            SELECT count(*), coalesce(sum(size), 0), coalesce(sum(stored_size), 0), min(date), max(date),
                   min(archived_at), max(archived_at), count(DISTINCT thread)
            FROM message
            """) {
            stats.messages = row[0]
            stats.bytes = row[1]
            stats.storedBytes = row[2]
            stats.oldestDate = (row[3] as Int64?).map(Timestamp.init(rawValue:))
            stats.newestDate = (row[4] as Int64?).map(Timestamp.init(rawValue:))
            stats.firstArchived = (row[5] as Int64?).map(Timestamp.init(rawValue:))
            stats.lastArchived = (row[6] as Int64?).map(Timestamp.init(rawValue:))
            stats.threads = row[7]
        }
        stats.sightings = try Int.fetchOne(db, sql: "SELECT count(*) FROM sighting") ?? 0
        stats.expungedMessages = try Int.fetchOne(db, sql: """
            SELECT count(*) FROM (SELECT message FROM sighting GROUP BY message HAVING count(expunged_at) = count(*))
            """) ?? 0
        stats.auditEntries = try auditAnchor().count
        stats.activeHolds = try Int.fetchOne(db, sql: "SELECT count(*) FROM hold WHERE released_at IS NULL") ?? 0
        stats.heldMessages = try Int.fetchOne(db, sql: """
            SELECT count(DISTINCT hm.message) FROM hold_message hm JOIN hold h ON h.id = hm.hold WHERE h.released_at IS NULL
            """) ?? 0
        stats.pendingIndex = try Int.fetchOne(db, sql: "SELECT count(*) FROM message WHERE index_state <> 0") ?? 0
        stats.folders = try groups(perFolder: true)
        stats.accounts = try groups(perFolder: false)
        return stats
    }

    private func groups(perFolder: Bool) throws -> [ArchiveStats.Group] {
        let folderColumn = perFolder ? "s.folder" : "NULL"
        return try Row.fetchAll(db, sql: """
            SELECT account, folder, count(*), coalesce(sum(size), 0), sum(gone) FROM (
                SELECT s.account AS account, \(folderColumn) AS folder, s.message, m.size AS size,
                       min(s.expunged_at IS NOT NULL) AS gone
                FROM sighting s JOIN message m ON m.id = s.message
                GROUP BY s.account, \(folderColumn), s.message
            ) GROUP BY account, folder ORDER BY account, folder
            """).map { row in
            ArchiveStats.Group(account: row[0], folder: (row[1] as String?).map { MailboxName($0) }, messages: row[2],
                               bytes: row[3], expunged: row[4])
        }
    }
}
