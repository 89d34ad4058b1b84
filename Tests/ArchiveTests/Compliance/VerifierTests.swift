@testable import Archive
import Foundation
import MailIndex
import MailModel
import MailQuery
import MailStore
import Testing
import TestSupport

@Suite("Verification")
struct VerifierTests {
    static let mails: [HeldMail] = (0..<12).map { (index: Int) -> HeldMail in
        let from = index % 3 == 0 ? "ann@example.org" : "carl@example.org"
        let folder = index % 2 == 0 ? "INBOX" : "Sent"
        let seen = ComplianceTime.daysAgo(Int64(100 * index))
        return HeldMail.make("Report \(index)", from: from, body: "Figures for week \(index) of the audit.", folder: folder,
                             internalDate: seen)
    }

    @Test("an intact archive verifies, fully and quickly, after archiving, exports, holds and purges")
    func intactAfterActivity() throws {
        let temp = try TemporaryArchive()
        try temp.archive(VerifierTests.mails)
        var report = try temp.verify()
        #expect(report.isIntact, "\(report.problems)")
        #expect(report.counts.messages == 12)
        #expect(report.counts.indexDocuments == 12)
        #expect(report.checks.map(\.check) == [.audit, .counts, .messages, .coverage, .index, .database])
        #expect(report.checks.first { $0.check == .messages }?.checked == 12)

        let keys = try temp.archive.makeSearcher().keys(.all, order: .oldest)
        _ = try Exporter(store: temp.archive.store, generator: "test")
            .export(keys, query: "*", to: .eml(path: temp.root.appendingPathComponent("out").path), manifestPath: nil)
        try temp.archive.placeHold(name: "ann", query: try SearchQuery.parse("from:ann@example.org", now: ComplianceTime.now),
                                   reason: nil)
        try temp.archive.setRetention(.all, keep: RetentionPeriod("1y")!)
        let purged = try temp.archive.purge(at: ComplianceTime.now)
        #expect(!purged.removed.isEmpty)
        try temp.archive(VerifierTests.mails.prefix(2).map { mail in
            var again = mail
            again.bytes += Array("PS.\n".utf8)
            return again
        })
        report = try temp.verify()
        #expect(report.isIntact, "\(report.problems)")
        #expect(report.counts.purgedMessages == purged.removed.count)
        #expect(report.counts.messages == 14 - purged.removed.count)
        #expect(try temp.verify(quick: true).isIntact)
    }

    @Test("one changed byte of a stored message is named, by id; a quick check does not read messages")
    func changedMessageByte() throws {
        let temp = try TemporaryArchive()
        let ids = try temp.archive(VerifierTests.mails)
        let victim = ids[4]
        let key = try temp.key(of: victim)
        try temp.closeWriter()
        try DatabaseTamper.flipByte(ofMessage: key.rawValue, in: MailStore.databasePath(in: temp.home))
        let report = try temp.verify()
        #expect(!report.isIntact)
        #expect(report.problems.count == 1)
        let problem = try #require(report.problems.first)
        #expect(problem.check == .messages)
        #expect(problem.message == victim)
        #expect(problem.description.contains(victim.hex))
        #expect(try temp.verify(quick: true).isIntact)
    }

    @Test("one changed byte of an audit entry is named, by sequence")
    func changedAuditEntry() throws {
        let temp = try TemporaryArchive()
        try temp.archive(VerifierTests.mails)
        let entries = try temp.archive.store.read { try $0.auditEntries() }
        let victim = try #require(entries.first { $0.kind == .messageArchived && $0.sequence > 3 })
        try temp.closeWriter()
        try DatabaseTamper.python(MailStore.databasePath(in: temp.home), """
            db.execute("DROP TRIGGER audit_no_update")
            db.execute("UPDATE audit SET payload = replace(payload, '\\"size\\":', '\\"size\\":1') WHERE seq = \(victim.sequence)")
            """)
        for quick in [false, true] {
            let report = try temp.verify(quick: quick)
            let problem = try #require(report.problems.first)
            #expect(report.problems.count == 1)
            #expect(problem.check == .audit)
            #expect(problem.auditSequence == victim.sequence)
            #expect(problem.description.hasPrefix("audit entry \(victim.sequence):"))
        }
    }

    @Test("a deleted index document is named, by message id; so are a stray and a duplicate document")
    func indexDisagreements() throws {
        let temp = try TemporaryArchive()
        let ids = try temp.archive(VerifierTests.mails)
        let dropped = ids[7], doubled = ids[2]
        let droppedKey = try temp.key(of: dropped)
        try temp.closeWriter()
        let writer = try temp.openIndexWriter()
        #expect(try writer.delete(rowIDs: [droppedKey.rawValue]) == 1)
        let stray = MessageID.of(Array("not archived".utf8))
        try writer.add([IndexDocument(rowID: 9_001, messageID: stray, subject: "stray"),
                        IndexDocument(rowID: 9_002, messageID: doubled, subject: "again")])
        try writer.commit()
        let report = try temp.verify()
        let byKind = Dictionary(grouping: report.problems, by: \.kind)
        #expect(report.problems.allSatisfy { $0.check == .index })
        #expect(byKind["not-indexed"]?.map(\.message) == [dropped])
        #expect(byKind["extra-document"]?.map(\.message) == [stray])
        #expect(byKind["extra-document"]?.first?.indexRow == 9_001)
        #expect(byKind["indexed-twice"]?.map(\.message) == [doubled])
        #expect(byKind["indexed-twice"]?.first?.indexRow == 9_002)
        #expect(report.problems.count == 3)
        // The quick check sees the counts no longer agree.
        let quick = try temp.verify(quick: true)
        #expect(quick.problems.map(\.kind) == ["index-count"])
    }

    @Test("a message deleted behind the audit trail's back is named: archived, never purged")
    func deletedWithoutPurge() throws {
        let temp = try TemporaryArchive()
        let ids = try temp.archive(VerifierTests.mails)
        let victim = ids[5]
        let key = try temp.key(of: victim)
        try temp.closeWriter()
        try DatabaseTamper.python(MailStore.databasePath(in: temp.home), """
            db.execute("PRAGMA foreign_keys = ON")
            db.execute("DELETE FROM message WHERE id = \(key.rawValue)")
            """)
        let report = try temp.verify()
        let coverage = report.problems.filter { $0.check == .coverage }
        #expect(coverage.map(\.kind) == ["deleted-without-purge"])
        #expect(coverage.first?.message == victim)
        #expect(report.problems.contains { $0.check == .counts && $0.kind == "count-mismatch" })
        #expect(report.problems.contains { $0.check == .index && $0.kind == "extra-document" && $0.message == victim })
        #expect(try temp.verify(quick: true).problems.map(\.kind) == ["count-mismatch", "index-count"])
    }

    @Test("an anchor taken earlier is extended after more activity; a forged one, or a rewritten chain, is not")
    func anchors() throws {
        let temp = try TemporaryArchive()
        try temp.archive(Array(VerifierTests.mails.prefix(6)))
        let early = try temp.anchor()
        try temp.archive(Array(VerifierTests.mails.suffix(6)))
        try temp.archive.setRetention(.folder("Sent"), keep: RetentionPeriod("2y")!)
        _ = try temp.archive.purge(at: ComplianceTime.now)
        #expect(try temp.anchor().count > early.count)
        #expect(try temp.verify(quick: true, anchor: early).isIntact)
        #expect(try temp.verify(anchor: early).checks.contains { $0.check == .anchor && $0.passed })

        var forged = early
        forged.hash = SHA256.hash(Array("forged".utf8))
        let wrongHash = try temp.verify(quick: true, anchor: forged)
        #expect(wrongHash.problems.map(\.kind) == ["anchor-mismatch"])
        #expect(wrongHash.problems.first?.auditSequence == early.count)
        let tooLong = AuditAnchor(count: try temp.anchor().count + 5, hash: early.hash)
        #expect(try temp.verify(quick: true, anchor: tooLong).problems.map(\.kind) == ["anchor-missing"])

        // Rewrite an entry before the anchor and every hash after it: the chain is consistent again,
        // but no longer extends the anchor.
        let entries = try temp.archive.store.read { try $0.auditEntries() }
        try temp.closeWriter()
        var previous = AuditChain.genesis
        var statements: [String] = ["db.execute(\"DROP TRIGGER audit_no_update\")"]
        for entry in entries {
            let payload = entry.sequence == 3 ? entry.payload.replacingOccurrences(of: "\"size\":", with: "\"size\":9") : entry.payload
            let hash = AuditChain.hash(sequence: entry.sequence, time: entry.time, kind: entry.kind, payload: payload,
                                       previousHash: previous)
            if entry.sequence >= 3 {
                let escaped = payload.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "\\'")
                statements.append("db.execute(\"UPDATE audit SET payload = ?, prev_hash = ?, hash = ? WHERE seq = ?\", "
                                  + "('\(escaped)', bytes.fromhex('\(previous.hex)'), bytes.fromhex('\(hash.hex)'), \(entry.sequence)))")
            }
            previous = hash
        }
        try DatabaseTamper.python(MailStore.databasePath(in: temp.home), statements.joined(separator: "\n"))
        #expect(try temp.verify(quick: true).isIntact)
        let rewritten = try temp.verify(quick: true, anchor: early)
        #expect(rewritten.problems.map(\.kind) == ["anchor-mismatch"])
    }
}
