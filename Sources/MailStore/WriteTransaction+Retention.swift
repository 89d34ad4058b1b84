import GRDB
import MailModel

extension WriteTransaction {
    /// Sets (or replaces) the retention rule of a scope (audit: `retention.changed`).
    @discardableResult
    public func setRetention(_ scope: RetentionScope, keep: RetentionPeriod) throws -> RetentionRule {
        let previous = try reader.retentionRules().first { $0.scope == scope }
        let setAt = now
        try db.cachedStatement(sql: """
            INSERT INTO retention_rule(scope, pattern, keep_amount, keep_unit, set_at) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT(scope, pattern) DO UPDATE SET keep_amount = excluded.keep_amount, keep_unit = excluded.keep_unit,
                                                      set_at = excluded.set_at
            """).execute(arguments: [scope.kind, scope.pattern, keep.amount, keep.unit.rawValue, setAt.rawValue])
        try appendAudit(AuditEvent(kind: .retentionChanged, fields: [
            "scope": .string(scope.kind), "pattern": .string(scope.pattern), "keep": .string(keep.description),
            "previous": .optional(previous?.keep.description),
        ]))
        return RetentionRule(scope: scope, keep: keep, setAt: setAt)
    }

    /// Removes the retention rule of a scope (audit: `retention.changed` with keep null); returns
    /// whether there was one.
    @discardableResult
    public func removeRetention(_ scope: RetentionScope) throws -> Bool {
        guard let previous = try reader.retentionRules().first(where: { $0.scope == scope }) else { return false }
        try db.cachedStatement(sql: "DELETE FROM retention_rule WHERE scope = ? AND pattern = ?")
            .execute(arguments: [scope.kind, scope.pattern])
        try appendAudit(AuditEvent(kind: .retentionChanged, fields: [
            "scope": .string(scope.kind), "pattern": .string(scope.pattern), "keep": .null,
            "previous": .string(previous.keep.description),
        ]))
        return true
    }
}
