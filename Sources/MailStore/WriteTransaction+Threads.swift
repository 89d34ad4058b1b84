import GRDB
import MailModel

/// Threading (rules documented in `MailStore.docc/Threading.md`).
extension WriteTransaction {
    /// Picks the thread of a new message, merging threads it links; returns the thread and the other
    /// messages whose thread changed.
    func assignThread(_ input: ThreadInput) throws -> (ThreadID, [MessageKey]) {
        let ids = (input.ownID.map { [$0] } ?? []) + input.parents
        var threads: [Int64] = []
        if !ids.isEmpty {
            threads = try Int64.fetchAll(db.cachedStatement(sql: """
                SELECT DISTINCT thread FROM thread_ref WHERE header_id IN (SELECT value FROM json_each(?)) ORDER BY thread
                """), arguments: [ColumnText.list(ids)])
        }
        var rethreaded: [MessageKey] = []
        let thread: Int64
        if let survivor = threads.first {
            thread = survivor
            for other in threads.dropFirst() {
                rethreaded += try mergeThread(other, into: survivor)
            }
        } else if input.parents.isEmpty, input.isReply, !input.baseSubject.isEmpty,
                  let recent = try recentThread(subject: input.baseSubject, date: input.date) {
            thread = recent
        } else {
            try db.cachedStatement(sql: "INSERT INTO thread(base_subject, last_date) VALUES (?, ?)")
                .execute(arguments: [input.baseSubject, input.date])
            thread = db.lastInsertedRowID
        }
        try db.cachedStatement(sql: """
            UPDATE thread SET last_date = max(coalesce(last_date, ?1), ?1),
                              base_subject = CASE WHEN base_subject = '' THEN ?2 ELSE base_subject END
            WHERE id = ?3
            """).execute(arguments: [input.date, input.baseSubject, thread])
        return (ThreadID(thread), rethreaded)
    }

    /// Records the message's own id and its references as members of its thread (references to
    /// messages not archived become placeholders that a late parent will find).
    func linkThreadReferences(of key: MessageKey, _ input: ThreadInput, thread: ThreadID) throws {
        if let own = input.ownID {
            try db.cachedStatement(sql: """
                INSERT INTO thread_ref(header_id, thread, message) VALUES (?, ?, ?)
                ON CONFLICT(header_id) DO UPDATE SET message = coalesce(thread_ref.message, excluded.message)
                """).execute(arguments: [own, thread.rawValue, key.rawValue])
        }
        guard !input.parents.isEmpty else { return }
        let statement = try db.cachedStatement(
            sql: "INSERT OR IGNORE INTO thread_ref(header_id, thread, message) VALUES (?, ?, NULL)")
        for parent in input.parents {
            try statement.execute(arguments: [parent, thread.rawValue])
        }
    }

    /// Moves every message and id of thread `other` into `survivor`; returns the moved messages.
    private func mergeThread(_ other: Int64, into survivor: Int64) throws -> [MessageKey] {
        let moved = try Int64.fetchAll(db.cachedStatement(
            sql: "UPDATE message SET thread = ?, index_state = index_state + 1 WHERE thread = ? RETURNING id"),
            arguments: [survivor, other])
        try db.cachedStatement(sql: "UPDATE thread_ref SET thread = ? WHERE thread = ?").execute(arguments: [survivor, other])
        try db.cachedStatement(sql: """
            UPDATE thread SET last_date = max(coalesce(last_date, 0), coalesce((SELECT last_date FROM thread WHERE id = ?1), 0))
            WHERE id = ?2
            """).execute(arguments: [other, survivor])
        try db.cachedStatement(sql: "DELETE FROM thread WHERE id = ?").execute(arguments: [other])
        return moved.map { MessageKey($0) }
    }

    /// The newest thread with this base subject whose last message is within the window of `date`.
    private func recentThread(subject: String, date: Int64) throws -> Int64? {
        let window = options.subjectThreadWindow.components.seconds
        return try Int64.fetchOne(db.cachedStatement(sql: """
            SELECT id FROM thread WHERE base_subject = ? AND last_date BETWEEN ? AND ? ORDER BY last_date DESC LIMIT 1
            """), arguments: [subject, date - window, date + window])
    }
}
