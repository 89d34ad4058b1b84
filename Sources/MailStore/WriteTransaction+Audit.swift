import GRDB
import MailModel

extension WriteTransaction {
    /// Appends an event to the audit chain, in this transaction, and returns the stored entry.
    @discardableResult
    public func appendAudit(_ event: AuditEvent) throws -> AuditEntry {
        let head: (sequence: Int64, hash: SHA256Digest)
        if let auditHead {
            head = auditHead
        } else {
            let anchor = try reader.auditAnchor()
            head = (anchor.count, anchor.hash)
        }
        let sequence = head.sequence + 1
        let time = now
        let payload = event.payload
        let hash = AuditChain.hash(sequence: sequence, time: time, kind: event.kind, payload: payload,
                                   previousHash: head.hash)
        try db.cachedStatement(sql: "INSERT INTO audit(seq, time, kind, payload, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?)")
            .execute(arguments: [sequence, time.rawValue, event.kind.rawValue, payload, head.hash.blob, hash.blob])
        auditHead = (sequence, hash)
        return AuditEntry(sequence: sequence, time: time, kind: event.kind, payload: payload, previousHash: head.hash,
                          hash: hash)
    }
}
