import GRDB
import MailModel

extension StoreReader {
    /// The retention rules, in the order they were first set.
    public func retentionRules() throws -> [RetentionRule] {
        try Row.fetchAll(db.cachedStatement(
            sql: "SELECT scope, pattern, keep_amount, keep_unit, set_at FROM retention_rule ORDER BY id")).compactMap { row in
            guard let scope = RetentionScope(kind: row[0], pattern: row[1]),
                  let unit = RetentionPeriod.Unit(rawValue: row[3]),
                  let keep = RetentionPeriod(amount: row[2], unit: unit) else { return nil }
            return RetentionRule(scope: scope, keep: keep, setAt: Timestamp(rawValue: row[4]))
        }
    }

    /// Calls `body` with the retention facts of every message, in key order, until it returns false.
    public func forEachRetentionFacts(_ body: (RetentionFacts) throws -> Bool) throws {
        let rows = try Row.fetchCursor(db, sql: """
            SELECT m.id, m.digest, m.date, m.archived_at,
                   (SELECT min(internal_date) FROM sighting s WHERE s.message = m.id),
                   (SELECT group_concat(account || char(31) || folder, char(30)) FROM sighting s WHERE s.message = m.id),
                   EXISTS (SELECT 1 FROM hold_message hm JOIN hold h ON h.id = hm.hold
                           WHERE hm.message = m.id AND h.released_at IS NULL)
            FROM message m ORDER BY m.id
            """)
        while let row = try rows.next() {
            guard let id = MessageID.fromBlob(row[1]) else { continue }
            let locations = ((row[5] as String?) ?? "").split(separator: "\u{1E}").compactMap { pair -> MessageLocation? in
                let parts = pair.split(separator: "\u{1F}", maxSplits: 1, omittingEmptySubsequences: false)
                guard parts.count == 2 else { return nil }
                return MessageLocation(account: String(parts[0]), folder: MailboxName(String(parts[1])))
            }
            let facts = RetentionFacts(
                message: MessageRef(key: MessageKey(row[0] as Int64), id: id),
                internalDate: (row[4] as Int64?).map(Timestamp.init(rawValue:)),
                date: (row[2] as Int64?).map(Timestamp.init(rawValue:)), archivedAt: Timestamp(rawValue: row[3]),
                locations: Array(Set(locations)).sorted(), isHeld: row[6])
            if try !body(facts) { return }
        }
    }

    /// The messages a purge at `now` may delete: past retention under the stored rules and under no
    /// active hold, in key order.
    public func purgeCandidates(at now: Timestamp) throws -> [MessageRef] {
        let rules = try retentionRules()
        guard !rules.isEmpty else { return [] }
        var result: [MessageRef] = []
        try forEachRetentionFacts { facts in
            if !facts.isHeld, facts.isPastRetention(rules: rules, at: now) { result.append(facts.message) }
            return true
        }
        return result
    }
}
