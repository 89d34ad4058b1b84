import Foundation
import MailModel
import MailQuery
import MailStore

/// Legal holds: a hold covers the messages its query matches when it is placed and every message
/// archived (or newly matching) later, until it is released; a covered message can never be purged.
///
/// The store keeps which messages a hold covers; the engine evaluates the query through the index.
/// Every writer that archives messages calls ``refreshHolds(at:)`` at the end of its run (import
/// does; sync calls it after each run), and purge calls it before deciding, so a crash between
/// archiving and refreshing never lets a held message go.
///
/// ```swift
/// let archive = try MailArchive.open(home: home, access: .readWrite)
/// let hold = try archive.placeHold(name: "case-2024", query: try SearchQuery.parse("from:ann", now: now),
///                                  reason: "litigation")
/// try archive.refreshHolds()               // after archiving more messages
/// try archive.releaseHold(named: "case-2024")
/// ```
extension MailArchive {
    /// The holds with their message counts, oldest first (released ones too when asked).
    public func holds(includingReleased: Bool = false) throws -> [Hold] {
        try store.read { try $0.holds(includingReleased: includingReleased) }
    }

    /// Places a hold on the messages `query` matches now (and, through ``refreshHolds(at:)``, on
    /// those archived later). The hold keeps the query's canonical text, relative dates resolved,
    /// so that it keeps meaning the same messages. Audit: `hold.placed`, then `hold.extended` with
    /// the ids covered. `HoldExistsError` if an active hold has the name, `HoldNameError` for a
    /// name `hold:NAME` could not find.
    @discardableResult
    public func placeHold(name: String, query: SearchQuery, reason: String?) throws -> Hold {
        try MailArchive.validateHoldName(name)
        let indexer = makeIndexer()
        try indexer.catchUp()
        let keys = try makeSearcher().keys(query, order: .oldest)
        let text = query.matchesAll ? "*" : query.description
        let reason = reason.flatMap { $0.isEmpty ? nil : $0 }
        try store.write { tx in
            _ = try tx.placeHold(name: name, query: text, reason: reason)
            try MailArchive.add(keys, toHold: name, in: tx)
        }
        try indexer.catchUp()
        return try store.read { try $0.hold(named: name) } ?? Hold(
            id: 0, name: name, query: text, reason: reason, placedAt: currentTime, releasedAt: nil, messageCount: keys.count)
    }

    /// Releases an active hold (audit: `hold.released`): its messages may be purged again unless
    /// another hold covers them. `HoldNotFoundError` if no active hold has the name.
    @discardableResult
    public func releaseHold(named name: String) throws -> Hold {
        let hold = try store.write { tx in try tx.releaseHold(named: name) }
        try makeIndexer().catchUp()
        return hold
    }

    /// Brings every active hold up to date: indexes what the store has and the index lacks, runs
    /// each hold's query, adds the messages it matches and does not cover yet (audit:
    /// `hold.extended`), and updates their `hold:` terms in the index. Writers only.
    @discardableResult
    public func refreshHolds(at now: Timestamp? = nil) throws -> HoldRefresh {
        let indexer = makeIndexer()
        try indexer.catchUp()
        let active = try holds()
        var refresh = HoldRefresh(holds: active.count)
        refresh.unindexed = try store.read { try $0.pendingIndexCount() }
        guard !active.isEmpty else { return refresh }
        let matches = try holdMatches(active, at: now ?? currentTime)
        let added = try store.write { tx -> [String: Int] in
            var added: [String: Int] = [:]
            for hold in active {
                let count = try MailArchive.add(matches[hold.name] ?? [], toHold: hold.name, in: tx)
                if count > 0 { added[hold.name] = count }
            }
            return added
        }
        refresh.added = added
        if !added.isEmpty { try indexer.catchUp() }
        return refresh
    }

    /// The keys each hold's query matches now, in key order, by hold name.
    func holdMatches(_ holds: [Hold], at now: Timestamp) throws -> [String: [MessageKey]] {
        guard !holds.isEmpty else { return [:] }
        let searcher = try makeSearcher()
        var matches: [String: [MessageKey]] = [:]
        for hold in holds {
            let query: SearchQuery
            do {
                query = try SearchQuery.parse(hold.query, now: now)
            } catch {
                throw HoldQueryError(name: hold.name, reason: error.description)
            }
            matches[hold.name] = try searcher.keys(query, order: .oldest).sorted()
        }
        return matches
    }

    /// Adds keys to an active hold, those it does not cover yet, and records their ids (audit:
    /// `hold.extended`); returns how many were new to it.
    @discardableResult
    static func add(_ keys: [MessageKey], toHold name: String, in tx: WriteTransaction) throws -> Int {
        guard !keys.isEmpty, let hold = try tx.reader.hold(named: name) else { return 0 }
        let covered = Set(try tx.reader.messageKeys(inHold: name))
        let new = Set(keys).subtracting(covered).sorted()
        guard !new.isEmpty else { return 0 }
        let added = try tx.addToHold(named: name, new)
        var ids: [AuditValue] = []
        ids.reserveCapacity(new.count)
        for key in new { ids.append(.string(try tx.reader.messageID(of: key).hex)) }
        try tx.appendAudit(AuditEvent(kind: .holdExtended, fields: [
            "name": .string(name), "hold": .int(hold.id), "count": .int(Int64(added)), "ids": .array(ids),
        ]))
        return added
    }

    /// Refuses names that `hold:NAME` would not find again.
    static func validateHoldName(_ name: String) throws {
        guard !name.isEmpty, name.count <= 200, let parsed = try? SearchQuery.parse("hold:" + name, now: Timestamp(rawValue: 0)),
              case .term(let term) = parsed.root, term.field == .hold, term.value == .exact(name) else {
            throw HoldNameError(name: name)
        }
    }

    /// Now, by the archive's clock.
    var currentTime: Timestamp {
        options.clock?() ?? Timestamp(rawValue: Int64(Date().timeIntervalSince1970))
    }
}
