@testable import Archive
import Foundation
import MailModel
import MailQuery
import MailStore
import Testing

@Suite("Retention and purge")
struct PurgeTests {
    @Test("a dry run lists what would go and changes nothing: no message, no document, no audit entry")
    func dryRun() throws {
        let temp = try TemporaryArchive()
        try temp.archive(HoldTests.old)
        try temp.archive.setRetention(.all, keep: RetentionPeriod("1y")!)
        let anchor = try temp.anchor()
        let plan = try temp.archive.planPurge(at: ComplianceTime.now)
        #expect(plan.candidates.count == 8)
        #expect(plan.bytes == Int64(HoldTests.old.map(\.bytes.count).reduce(0, +)))
        #expect(try temp.anchor() == anchor)
        #expect(try temp.messageCount() == 8)
        #expect(try temp.documentCount() == 8)
        // A read-only archive can make the plan too.
        let reader = try MailArchive.open(home: temp.home, access: .readOnly)
        defer { try? reader.close() }
        #expect(try reader.planPurge(at: ComplianceTime.now).candidates.map(\.message) == plan.candidates.map(\.message))
        #expect(throws: ReadOnlyArchiveError.self) { try reader.purge(at: ComplianceTime.now) }
    }

    @Test("documents a killed purge left in the index are neither counted nor listed; the next writer removes them")
    func documentsLeftByAKilledPurge() throws {
        let temp = try TemporaryArchive()
        let ids = try temp.archive(HoldTests.old)
        let ann = try HoldTests.query("from:ann@example.org")
        let carl = try HoldTests.query("from:carl@example.org")
        // The store half of a purge of Ann's mail, as a purge killed before its index step leaves it.
        let annKeys = try ids.enumerated().filter { $0.offset.isMultiple(of: 2) }.map { try temp.key(of: $0.element) }
        _ = try temp.archive.store.write { tx in try tx.purge(annKeys, reason: "test: killed before the index step") }
        #expect(try temp.documentCount() == 8)
        let searcher = try temp.archive.makeSearcher()
        #expect(try searcher.count(ann) == 0)
        #expect(try searcher.count(carl) == 4)
        let page = try searcher.search(ann, exactTotal: true)
        #expect(page.messages.isEmpty)
        #expect(page.total == 0)
        #expect(try searcher.search(carl, exactTotal: true).total == 4)
        // The next writer (here a purge of the rest) removes the documents; the counts stay right.
        try temp.archive.setRetention(.all, keep: RetentionPeriod("1y")!)
        #expect(try temp.archive.purge(at: ComplianceTime.now).removed.count == 4)
        #expect(try temp.documentCount() == 0)
        #expect(try temp.archive.makeSearcher().count(carl) == 0)
    }

    @Test("age counts from INTERNALDATE, else the Date header, else the time archived")
    func ageBasis() throws {
        var options = TemporaryArchive.defaultOptions
        options.clock = { ComplianceTime.daysAgo(500) }
        let temp = try TemporaryArchive(options: options)
        let seen = HeldMail.make("Internal", date: "Mon, 01 Dec 2025 10:00:00 +0000", internalDate: ComplianceTime.daysAgo(800))
        let dated = HeldMail.make("Dated", date: "Tue, 01 Oct 2024 10:00:00 +0000")
        let undated = HeldMail.make("Undated", date: nil)
        let recent = HeldMail.make("Recent", date: "Mon, 01 Dec 2025 10:00:00 +0000")
        let ids = try temp.archive([seen, dated, undated, recent])
        try temp.archive.setRetention(.all, keep: RetentionPeriod("1y")!)
        let plan = try temp.archive.planPurge(at: ComplianceTime.now)
        let byID = Dictionary(uniqueKeysWithValues: plan.candidates.map { ($0.message.id, $0) })
        #expect(byID[ids[0]]?.basis == .internalDate)
        #expect(byID[ids[0]]?.ageInDays(at: ComplianceTime.now) == 800)
        #expect(byID[ids[1]]?.basis == .date)
        #expect(byID[ids[1]]?.ageBasis == Timestamp(year: 2024, month: 10, day: 1, hour: 10))
        #expect(byID[ids[2]]?.basis == .archived)
        #expect(byID[ids[2]]?.ageInDays(at: ComplianceTime.now) == 500)
        #expect(byID[ids[3]] == nil)
        #expect(plan.candidates.count == 3)
    }

    @Test("the longest rule that applies decides; a message in no rule's scope is kept forever")
    func rules() throws {
        let temp = try TemporaryArchive()
        let trashOld = HeldMail.make("Trash old", folder: "Trash", internalDate: ComplianceTime.daysAgo(60))
        let trashNew = HeldMail.make("Trash new", folder: "Trash", internalDate: ComplianceTime.daysAgo(10))
        let personal = HeldMail.make("Personal old", folder: "Trash", account: "home", internalDate: ComplianceTime.daysAgo(60))
        let ancient = HeldMail.make("Ancient", folder: "Archive/2010", account: "home", internalDate: ComplianceTime.daysAgo(5_000))
        let ids = try temp.archive([trashOld, trashNew, personal, ancient])
        try temp.archive.setRetention(.folder("Tr*"), keep: RetentionPeriod("30d")!)
        try temp.archive.setRetention(.account("home"), keep: RetentionPeriod("7y")!)
        var plan = try temp.archive.planPurge(at: ComplianceTime.now)
        // Trash in "work": 30 days; Trash in "home": 7 years (the longer rule); Archive/2010: 7 years.
        #expect(plan.candidates.map(\.message.id) == [ids[0], ids[3]])
        #expect(plan.candidates.map(\.rule.scope) == [.folder("Tr*"), .account("home")])
        try temp.archive.removeRetention(.account("home"))
        plan = try temp.archive.planPurge(at: ComplianceTime.now)
        #expect(plan.candidates.map(\.message.id) == [ids[0], ids[2]])
        #expect(throws: RetentionScopeError.self) { try temp.archive.setRetention(.folder(" "), keep: RetentionPeriod("1d")!) }
        let changes = try temp.archive.store.read { try $0.auditEntries(kind: .retentionChanged) }
        #expect(changes.count == 3)
    }

    @Test("purge deletes from store and index, records every id, and leaves the archive verifiable")
    func purgeDeletes() throws {
        let temp = try TemporaryArchive()
        let ids = try temp.archive(HoldTests.old + [HeldMail.make("Fresh", internalDate: ComplianceTime.daysAgo(3))])
        try temp.archive.setRetention(.all, keep: RetentionPeriod("1y")!)
        let report = try temp.archive.purge(at: ComplianceTime.now, batchSize: 3)
        #expect(report.removed.count == 8)
        #expect(report.auditSequences.count == 3)
        #expect(try temp.storedIDs() == [ids[8]])
        #expect(try temp.documentCount() == 1)
        #expect(try temp.found("*") == [ids[8].hex])
        let purged = try temp.archive.store.read { try $0.auditEntries(kind: .purge) }.flatMap(AuditPayload.purgedIDs)
        #expect(Set(purged) == Set(ids.prefix(8).map(\.hex)))
        let report2 = try temp.archive.purge(at: ComplianceTime.now)
        #expect(report2.removed.isEmpty && report2.auditSequences.isEmpty)
        let verified = try temp.verify()
        #expect(verified.isIntact, "\(verified.problems)")
        #expect(verified.counts.purgedMessages == 8)
    }

    @Test("messages the index lags behind on are kept by a dry run: no hold can be checked against them")
    func unindexedAreKept() throws {
        let temp = try TemporaryArchive()
        try temp.archive(HoldTests.old)
        try temp.archive.setRetention(.all, keep: RetentionPeriod("1y")!)
        try temp.archive.store.write { tx in _ = try tx.markAllUnindexed() }
        let plan = try temp.archive.planPurge(at: ComplianceTime.now)
        #expect(plan.candidates.isEmpty)
        #expect(plan.keptUnindexed == 8)
        // A writer's purge catches the index up first.
        #expect(try temp.archive.purge(at: ComplianceTime.now).removed.count == 8)
    }
}
