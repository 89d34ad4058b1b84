import Foundation
import GRDB
import MailModel

extension StoreReader {
    /// Walks the whole audit chain, recomputing every hash, and names the first broken entry: an
    /// altered entry (its content no longer matches its hash), a broken link (it does not hold the hash
    /// of the entry before, e.g. after an entry was rewritten together with its hash), or a missing one.
    ///
    /// With an `anchor` (a head recorded earlier), also proves the chain still extends it: entry
    /// `anchor.count` exists and has exactly the anchored hash.
    public func verifyAuditChain(extending anchor: AuditAnchor? = nil) throws -> AuditVerification {
        let rows = try Row.fetchCursor(db, sql: "SELECT seq, time, kind, payload, prev_hash, hash FROM audit ORDER BY seq")
        var previous = AuditChain.genesis
        var count: Int64 = 0
        var problem: AuditChainProblem?
        while let row = try rows.next() {
            let sequence: Int64 = row[0]
            let expected = count + 1
            count = sequence
            guard problem == nil else { continue }
            if sequence != expected {
                problem = AuditChainProblem(sequence: expected, reason: "missing (the chain jumps from \(expected - 1) to \(sequence))")
                continue
            }
            let stored = SHA256Digest.fromBlob(row[5])
            guard let link = SHA256Digest.fromBlob(row[4]), link == previous else {
                problem = AuditChainProblem(sequence: sequence,
                                            reason: "does not link to entry \(sequence - 1) (an entry was rewritten or removed)")
                continue
            }
            let text: String? = row[3]
            let kind: String? = row[2]
            let time: Int64? = row[1]
            let computed = AuditChain.hash(sequence: sequence, time: Timestamp(rawValue: time ?? 0),
                                           kind: AuditKind(rawValue: kind ?? ""), payload: text ?? "", previousHash: link)
            guard let stored, stored == computed, text != nil, kind != nil, time != nil else {
                problem = AuditChainProblem(sequence: sequence, reason: "its content does not match its hash (altered)")
                continue
            }
            if let anchor, anchor.count == sequence, anchor.hash != stored {
                problem = AuditChainProblem(sequence: sequence, reason: "differs from the anchor \(anchor)")
                continue
            }
            previous = stored
        }
        if problem == nil, let anchor, anchor.count > count {
            problem = AuditChainProblem(sequence: anchor.count,
                                        reason: "missing: the chain has \(count) entries, the anchor \(anchor.count)")
        }
        return AuditVerification(entries: count, head: try auditAnchor(), problem: problem)
    }

    /// Messages whose `message.archived` audit entry is missing, or records another SHA-256 than the
    /// message's, at most `limit` of them.
    public func auditCoverageProblems(limit: Int = 1000) throws -> [MessageIntegrityProblem] {
        let rows = try Row.fetchAll(db.cachedStatement(sql: """
            SELECT m.id, m.digest, a.seq, json_extract(a.payload, '$.sha256'), lower(hex(m.raw_sha256))
            FROM message m
            LEFT JOIN audit a ON a.kind = 'message.archived' AND json_extract(a.payload, '$.id') = lower(hex(m.digest))
            WHERE a.seq IS NULL OR json_extract(a.payload, '$.sha256') IS NOT lower(hex(m.raw_sha256))
            ORDER BY m.id LIMIT ?
            """), arguments: [limit])
        return rows.compactMap { row in
            guard let id = MessageID.fromBlob(row[1]) else { return nil }
            let ref = MessageRef(key: MessageKey(row[0] as Int64), id: id)
            if let sequence = row[2] as Int64? {
                return MessageIntegrityProblem(message: ref, kind: .auditMismatch,
                                               detail: "audit entry \(sequence) records another SHA-256")
            }
            return MessageIntegrityProblem(message: ref, kind: .auditMissing, detail: "no message.archived audit entry")
        }
    }
}
