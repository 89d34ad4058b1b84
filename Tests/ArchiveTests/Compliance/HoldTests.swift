@testable import Archive
import Foundation
import MailModel
import MailQuery
import MailStore
import Testing

@Suite("Legal holds")
struct HoldTests {
    /// Old messages from Ann and from Carl, all past a one-year retention at `ComplianceTime.now`.
    static let old: [HeldMail] = (0..<8).map { (index: Int) -> HeldMail in
        let from = index.isMultiple(of: 2) ? "ann@example.org" : "carl@example.org"
        return HeldMail.make("Old \(index)", from: from, internalDate: ComplianceTime.daysAgo(Int64(400 + index)))
    }

    static func query(_ text: String) throws -> SearchQuery {
        try SearchQuery.parse(text, now: ComplianceTime.now)
    }

    @Test("a hold placed before a purge keeps exactly the messages it covers; the purge is in the audit trail")
    func holdKeepsWhatItCovers() throws {
        let temp = try TemporaryArchive()
        let ids = try temp.archive(HoldTests.old)
        let hold = try temp.archive.placeHold(name: "case-1", query: try HoldTests.query("from:ann@example.org"),
                                              reason: "Matter 42")
        let ann = Set(ids.enumerated().filter { $0.offset.isMultiple(of: 2) }.map(\.element))
        #expect(hold.messageCount == ann.count)
        #expect(try temp.found("hold:case-1") == Set(ann.map(\.hex)))
        try temp.archive.setRetention(.all, keep: RetentionPeriod("1y")!)
        let report = try temp.archive.purge(at: ComplianceTime.now)
        #expect(Set(report.removed.map(\.id)) == Set(ids).subtracting(ann))
        #expect(report.plan.keptHeld == ann.count)
        #expect(report.plan.keptByHold == ["case-1": ann.count])
        #expect(try temp.storedIDs() == ann)
        // The purge entry names every id it removed.
        let purges = try temp.archive.store.read { try $0.auditEntries(kind: .purge) }
        #expect(purges.map(\.sequence) == report.auditSequences)
        #expect(Set(purges.flatMap(AuditPayload.purgedIDs)) == Set(report.removed.map(\.id.hex)))
        // And what the hold covered when placed.
        let extended = try temp.archive.store.read { try $0.auditEntries(kind: .holdExtended) }
        #expect(extended.count == 1)
        #expect(Set(AuditPayload.purgedIDs(of: extended[0])) == Set(ann.map(\.hex)))
        #expect(try temp.verify().isIntact)
    }

    @Test("a message archived after the hold was placed is covered too (import brings holds up to date)")
    func laterMessagesAreCovered() throws {
        let temp = try TemporaryArchive()
        try temp.archive(HoldTests.old)
        try temp.archive.placeHold(name: "ann", query: try HoldTests.query("from:ann@example.org"), reason: nil)
        let later = HeldMail.make("Later", from: "Ann <ann@example.org>", body: "Arrived after the hold.")
        let file = temp.root.appendingPathComponent("later.eml")
        try Data(later.bytes).write(to: file)
        let other = temp.root.appendingPathComponent("other.eml")
        try Data(HeldMail.make("Unrelated", from: "dan@example.org").bytes).write(to: other)
        _ = try MailImporter(archive: temp.archive).run(ImportRequest(kind: .eml, paths: [file.path, other.path]))
        let laterID = MessageID.of(later.bytes)
        #expect(try temp.archive.store.read { try $0.messageKeys(inHold: "ann") }.contains(try temp.key(of: laterID)))
        #expect(try temp.found("hold:ann").contains(laterID.hex))
        #expect(try temp.found("hold:ann").count == 5)
        let holds = try temp.archive.holds()
        #expect(holds.map(\.messageCount) == [5])
    }

    @Test("purge brings holds up to date first: a matching message archived without a refresh is kept")
    func purgeRefreshesHolds() throws {
        let temp = try TemporaryArchive()
        try temp.archive(HoldTests.old)
        try temp.archive.placeHold(name: "ann", query: try HoldTests.query("from:ann@example.org"), reason: nil)
        // As if a sync archived it and stopped before refreshing the holds.
        let late = HeldMail.make("Late", from: "ann@example.org", internalDate: ComplianceTime.daysAgo(900))
        try temp.archive([late])
        #expect(try !temp.found("hold:ann").contains(MessageID.of(late.bytes).hex))
        try temp.archive.setRetention(.all, keep: RetentionPeriod("1y")!)
        // A dry run sees the hold's query matching it without writing anything.
        let before = try temp.anchor()
        let plan = try temp.archive.planPurge(at: ComplianceTime.now)
        #expect(!plan.candidates.map(\.message.id).contains(MessageID.of(late.bytes)))
        #expect(try temp.anchor() == before)
        let report = try temp.archive.purge(at: ComplianceTime.now)
        #expect(report.holdRefresh.added == ["ann": 1])
        #expect(try temp.storedIDs().contains(MessageID.of(late.bytes)))
        #expect(try temp.found("hold:ann").contains(MessageID.of(late.bytes).hex))
        #expect(report.removed.count == 4)
    }

    @Test("a released hold protects nothing and hold:NAME finds nothing; its history stays")
    func release() throws {
        let temp = try TemporaryArchive()
        try temp.archive(HoldTests.old)
        try temp.archive.placeHold(name: "all", query: .all, reason: "everything")
        try temp.archive.setRetention(.all, keep: RetentionPeriod("1y")!)
        #expect(try temp.archive.planPurge(at: ComplianceTime.now).candidates.isEmpty)
        #expect(try temp.found("hold:all").count == 8)
        let released = try temp.archive.releaseHold(named: "all")
        #expect(released.messageCount == 8)
        #expect(try temp.found("hold:all").isEmpty)
        #expect(try temp.archive.holds().isEmpty)
        #expect(try temp.archive.holds(includingReleased: true).map(\.name) == ["all"])
        #expect(try temp.archive.planPurge(at: ComplianceTime.now).candidates.count == 8)
        // The name can be used again.
        try temp.archive.placeHold(name: "all", query: try HoldTests.query("from:carl@example.org"), reason: nil)
        #expect(try temp.found("hold:all").count == 4)
    }

    @Test("names must be findable by hold:NAME and unique among active holds")
    func names() throws {
        let temp = try TemporaryArchive()
        try temp.archive(Array(HoldTests.old.prefix(2)))
        for bad in ["", "two words", "(x)", "\"q\"", "tab\tname"] {
            #expect(throws: HoldNameError.self) { try temp.archive.placeHold(name: bad, query: .all, reason: nil) }
        }
        try temp.archive.placeHold(name: "matter-42.b_c", query: .all, reason: nil)
        #expect(throws: HoldExistsError.self) { try temp.archive.placeHold(name: "matter-42.b_c", query: .all, reason: nil) }
        #expect(throws: HoldNotFoundError.self) { try temp.archive.releaseHold(named: "nothing") }
        #expect(try temp.found("hold:matter-42.b_c").count == 2)
    }

    @Test("a hold keeps its query with relative dates resolved, so it keeps meaning the same messages")
    func relativeDates() throws {
        let temp = try TemporaryArchive()
        try temp.archive(Array(HoldTests.old.prefix(2)))
        let hold = try temp.archive.placeHold(name: "recent", query: try HoldTests.query("date:30d"), reason: nil)
        #expect(hold.query == "date:2025-12-02..")
    }
}
