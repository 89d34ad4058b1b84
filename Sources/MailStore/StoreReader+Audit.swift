import Foundation
import GRDB
import MailModel

extension StoreReader {
    /// The chain head: entry count and last hash (the genesis hash for an empty chain).
    public func auditAnchor() throws -> AuditAnchor {
        guard let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1")),
              let hash = SHA256Digest.fromBlob(row[1]) else {
            return AuditAnchor(count: 0, hash: AuditChain.genesis)
        }
        return AuditAnchor(count: row[0], hash: hash)
    }

    /// Audit entries in chain order, from time `since` on (all when nil), after sequence `after`, at
    /// most `limit` of them.
    public func auditEntries(since: Timestamp? = nil, after: Int64 = 0, limit: Int = .max) throws -> [AuditEntry] {
        var entries: [AuditEntry] = []
        try forEachAuditEntry(since: since, after: after) { entry in
            entries.append(entry)
            return entries.count < limit
        }
        return entries
    }

    /// Calls `body` with each audit entry in chain order (from time `since`, after sequence `after`)
    /// until it returns false; memory stays flat however long the chain is.
    public func forEachAuditEntry(since: Timestamp? = nil, after: Int64 = 0, _ body: (AuditEntry) throws -> Bool) throws {
        let rows = try Row.fetchCursor(db.cachedStatement(sql: """
            SELECT seq, time, kind, payload, prev_hash, hash FROM audit WHERE seq > ? AND time >= ? ORDER BY seq
            """), arguments: [after, since?.rawValue ?? Int64.min])
        while let row = try rows.next() {
            let entry = AuditEntry(sequence: row[0], time: Timestamp(rawValue: row[1]), kind: AuditKind(rawValue: row[2]),
                                   payload: row[3], previousHash: SHA256Digest.fromBlob(row[4]) ?? AuditChain.genesis,
                                   hash: SHA256Digest.fromBlob(row[5]) ?? AuditChain.genesis)
            if try !body(entry) { return }
        }
    }
}
