import Dispatch
import GRDB
import MailModel
import Synchronization

extension MailStore {
    /// Re-hashes every stored message (inflating each chunk once, computing its SHA-256 and its id in
    /// the same pass) and compares with what was recorded. Works on `parallelism` key ranges at once,
    /// each in its own read transaction; `progress` is called after each message with its size.
    public func verifyMessages(parallelism: Int = 2,
                               progress: (@Sendable (_ bytes: Int64) -> Void)? = nil) throws -> MessageVerification {
        let ranges = try read { reader in try Self.keyRanges(reader.db, parts: max(1, parallelism)) }
        let results = Mutex<[Result<(messages: Int, bytes: Int64, problems: [MessageIntegrityProblem]), Error>]>([])
        let database = self.database
        DispatchQueue.concurrentPerform(iterations: ranges.count) { index in
            let result = Result {
                try database.read { db in
                    try MessageRangeVerifier(db: db, range: ranges[index], progress: { progress?($0) }).run()
                }
            }
            results.withLock { $0.append(result) }
        }
        var total = MessageVerification(messages: 0, bytes: 0, problems: [])
        for result in results.withLock({ $0 }) {
            let part = try result.get()
            total.messages += part.messages
            total.bytes += part.bytes
            total.problems += part.problems
        }
        total.problems.sort { $0.message.key < $1.message.key }
        return total
    }

    /// Splits the message keys into about `parts` ranges with equal message counts.
    private static func keyRanges(_ db: Database, parts: Int) throws -> [ClosedRange<Int64>] {
        guard let row = try Row.fetchOne(db, sql: "SELECT min(id), max(id), count(*) FROM message"),
              let low = row[0] as Int64?, let high = row[1] as Int64? else { return [] }
        let count: Int = row[2]
        var bounds: [Int64] = [low]
        if parts > 1, count >= parts * 16 {
            for part in 1..<parts {
                if let key = try Int64.fetchOne(db, sql: "SELECT id FROM message ORDER BY id LIMIT 1 OFFSET ?",
                                                arguments: [count * part / parts]), key > bounds.last! {
                    bounds.append(key)
                }
            }
        }
        return bounds.indices.map { index in
            bounds[index]...(index + 1 < bounds.count ? bounds[index + 1] - 1 : high)
        }
    }
}

extension MailStore {
    /// SQLite's own consistency checks: `PRAGMA integrity_check` (or the faster `quick_check`, which
    /// skips matching indexes to tables) and `PRAGMA foreign_key_check`. Returns the problems found,
    /// empty when the database file is sound.
    public func checkDatabaseIntegrity(quick: Bool = false) throws -> [String] {
        try read { reader in
            var problems = try String.fetchAll(reader.db, sql: quick ? "PRAGMA quick_check" : "PRAGMA integrity_check")
                .filter { $0 != "ok" }
            let orphans = try Row.fetchAll(reader.db, sql: "PRAGMA foreign_key_check")
            problems += orphans.map { row in "table \(row[0] as String? ?? "?") row \(row[1] as Int64? ?? 0) refers to a missing \(row[2] as String? ?? "?") row" }
            return problems
        }
    }
}
