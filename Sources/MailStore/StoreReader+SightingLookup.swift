import GRDB
import MailModel

extension StoreReader {
    /// The archived messages seen at these UIDs of a folder under one UIDVALIDITY (sightings marked
    /// expunged included), by UID; UIDs never archived are absent. For labelling server search results.
    public func messages(account: String, folder: MailboxName, uidValidity: UIDValidity,
                         uids: [UID]) throws -> [UID: MessageRef] {
        var found: [UID: MessageRef] = [:]
        var start = 0
        while start < uids.count {
            let batch = uids[start..<min(uids.count, start + StoreReader.lookupBatch)]
            start += batch.count
            let marks = Array(repeating: "?", count: batch.count).joined(separator: ",")
            var arguments: StatementArguments = [account, folder.path, Int64(uidValidity.rawValue)]
            arguments += StatementArguments(batch.map { Int64($0.rawValue) })
            let rows = try Row.fetchAll(db, sql: """
                SELECT s.uid, m.id, m.digest FROM sighting s JOIN message m ON m.id = s.message
                WHERE s.account = ? AND s.folder = ? AND s.uidvalidity = ? AND s.uid IN (\(marks))
                """, arguments: arguments)
            for row in rows {
                guard let id = MessageID.fromBlob(row[2]) else { continue }
                found[UID(UInt32(truncatingIfNeeded: row[0] as Int64))] = MessageRef(key: MessageKey(row[1] as Int64), id: id)
            }
        }
        return found
    }

    /// The number of archived messages in a thread.
    public func messageCount(inThread thread: ThreadID) throws -> Int {
        try Int.fetchOne(db.cachedStatement(sql: "SELECT count(*) FROM message WHERE thread = ?"),
                         arguments: [thread.rawValue]) ?? 0
    }

    /// UIDs per lookup statement (SQLite's default limit of bound variables is far above).
    static let lookupBatch = 500
}
