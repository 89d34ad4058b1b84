import Foundation
import MailModel
import MailStore

/// Retention rules: how long messages in a scope (an account, folders matching a glob, or all) are
/// kept at least. A message's age counts from its INTERNALDATE, else its Date header, else the time
/// it was archived; a message in no rule's scope is kept forever; one in several scopes is kept as
/// long as the longest of them says. Only ``purge(at:batchSize:progress:)`` acts on them.
///
/// ```swift
/// try archive.setRetention(.folder("Trash"), keep: RetentionPeriod("90d")!)
/// try archive.removeRetention(.folder("Trash"))
/// ```
extension MailArchive {
    /// The rules, in the order they were first set.
    public func retentionRules() throws -> [RetentionRule] {
        try store.read { try $0.retentionRules() }
    }

    /// Sets (or replaces) the rule of a scope (audit: `retention.changed`). `RetentionScopeError`
    /// for an empty account name or folder pattern.
    @discardableResult
    public func setRetention(_ scope: RetentionScope, keep: RetentionPeriod) throws -> RetentionRule {
        try MailArchive.validate(scope)
        return try store.write { tx in try tx.setRetention(scope, keep: keep) }
    }

    /// Removes the rule of a scope (audit: `retention.changed`); whether there was one.
    @discardableResult
    public func removeRetention(_ scope: RetentionScope) throws -> Bool {
        try store.write { tx in try tx.removeRetention(scope) }
    }

    private static func validate(_ scope: RetentionScope) throws {
        switch scope {
        case .account(let name) where name.trimmingCharacters(in: .whitespaces).isEmpty:
            throw RetentionScopeError(reason: "the account name is empty")
        case .folder(let glob) where glob.trimmingCharacters(in: .whitespaces).isEmpty:
            throw RetentionScopeError(reason: "the folder pattern is empty")
        default:
            break
        }
    }
}
