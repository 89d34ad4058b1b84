import GRDB
import MailModel

extension WriteTransaction {
    /// Saves a folder's sync checkpoint. Commit it in the same transaction as the messages it covers,
    /// so a crash can never leave a checkpoint ahead of the archive. A changed UIDVALIDITY is recorded
    /// (`uidvalidity_change` and a `folder.uidvalidity` audit entry).
    @discardableResult
    public func setFolderState(_ state: FolderState) throws -> FolderStateUpdate {
        let previous = try reader.folderState(account: state.account, folder: state.folder)
        var replaced: UIDValidity?
        if let old = previous?.uidValidity, let new = state.uidValidity, old != new {
            replaced = old
            try db.cachedStatement(sql: """
                INSERT INTO uidvalidity_change(account, folder, old_value, new_value, changed_at) VALUES (?, ?, ?, ?, ?)
                """).execute(arguments: [state.account, state.folder.path, Int64(old.rawValue), Int64(new.rawValue),
                                         now.rawValue])
            try appendAudit(AuditEvent(kind: .uidValidityChanged, fields: [
                "account": .string(state.account), "folder": .string(state.folder.path),
                "old": .int(Int64(old.rawValue)), "new": .int(Int64(new.rawValue)),
            ]))
        }
        try db.cachedStatement(sql: """
            INSERT INTO folder(account, name, uidvalidity, uidnext, highest_modseq, delimiter, special_use, last_sync, on_server)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT(account, name) DO UPDATE SET
                uidvalidity = excluded.uidvalidity, uidnext = excluded.uidnext, highest_modseq = excluded.highest_modseq,
                delimiter = excluded.delimiter, special_use = excluded.special_use, last_sync = excluded.last_sync,
                on_server = excluded.on_server
            """).execute(arguments: [
                state.account, state.folder.path, state.uidValidity.map { Int64($0.rawValue) },
                state.uidNext.map { Int64($0.rawValue) }, state.highestModSeq.map { Int64($0.rawValue) },
                state.delimiter, state.specialUse, state.lastSync?.rawValue, state.existsOnServer,
            ])
        return FolderStateUpdate(previous: previous, replacedUIDValidity: replaced)
    }

    /// Records that a folder no longer exists on the server; its archived mail and sightings stay.
    public func markFolderGone(account: String, folder: MailboxName) throws {
        try db.cachedStatement(sql: "UPDATE folder SET on_server = 0 WHERE account = ? AND name = ?")
            .execute(arguments: [account, folder.path])
    }
}
