import Archive
import Foundation
import MailIndex
import TestSupport
import Testing

/// `cairn verify` (the binary) against archives changed behind Cairn's back: each change is exit 4,
/// naming what changed, in text and JSON; nothing else is reported.
@Suite("cairn verify names what was tampered with")
struct VerifyTamperCommandTests {
    /// The problems of `cairn verify --format json` (exit status, then each problem's fields).
    static func problems(_ archive: ComplianceHome, _ extra: [String] = []) throws -> (Int32, [[String: Any]]) {
        let result = try archive.run(["verify", "--format", "json"] + extra)
        let object = try JSONSerialization.jsonObject(with: Data(result.output)) as? [String: Any]
        return (result.status, object?["problems"] as? [[String: Any]] ?? [])
    }

    @Test("one changed byte of an audit entry: exit 4 naming the entry, fully and quickly")
    func changedAuditEntry() throws {
        let archive = try ComplianceHome()
        let entries = try archive.auditEntries()
        let victim = try #require(entries.first { $0["kind"] as? String == "message.archived" && ($0["seq"] as? Int ?? 0) > 3 })
        let sequence = try #require(victim["seq"] as? Int)
        try DatabaseTamper.changeByte(ofAuditEntry: Int64(sequence), in: archive.database)
        let text = try archive.run(["verify"])
        #expect(text.status == 4)
        #expect(text.text.contains("PROBLEM  audit entry \(sequence):"), "\(text.text)")
        #expect(text.text.components(separatedBy: "PROBLEM").count == 2, "\(text.text)")
        for extra in [[], ["--quick"]] {
            let (status, problems) = try Self.problems(archive, extra)
            #expect(status == 4)
            #expect(problems.map { $0["audit_entry"] as? Int } == [sequence], "\(extra)")
            #expect(problems.first?["check"] as? String == "audit")
        }
        // The untouched entries still print, so the trail can be read and compared by hand.
        #expect(try archive.auditEntries().count == entries.count)
    }

    @Test("a deleted index document: exit 4 naming its message; the quick check sees the count; reindex repairs it")
    func deletedIndexDocument() throws {
        let archive = try ComplianceHome()
        let victim = try #require(archive.ids["Old report 5"])
        let key = try DatabaseTamper.messageKey(ofID: victim, in: archive.database)
        try Self.deleteIndexDocument(key, home: archive.home.path)

        let text = try archive.run(["verify"])
        #expect(text.status == 4)
        #expect(text.text.contains("PROBLEM  message \(victim):"), "\(text.text)")
        let (status, problems) = try Self.problems(archive)
        #expect(status == 4)
        #expect(problems.map { $0["message"] as? String } == [victim])
        #expect(problems.map { $0["kind"] as? String } == ["not-indexed"])
        let (quickStatus, quick) = try Self.problems(archive, ["--quick"])
        #expect(quickStatus == 4)
        #expect(quick.map { $0["kind"] as? String } == ["index-count"])
        #expect(try archive.run(["count"]).text == "6\n")

        #expect(try archive.run(["reindex"]).status == 0)
        #expect(try archive.run(["verify"]).status == 0)
        #expect(try archive.run(["count"]).text == "7\n")
    }

    /// Deletes one document from the archive's index with Cairn's own index writer, as a damaged or
    /// edited index would lose it. Should the index still be locked for an instant after the last
    /// `cairn` run, it waits (bounded).
    static func deleteIndexDocument(_ key: Int64, home: String) throws {
        let configuration = try IndexConfiguration.load(directory: MailArchive.indexDirectory(in: URL(fileURLWithPath: home)))
        let deadline = ContinuousClock.now + .seconds(10)
        var opened: Result<MailIndexWriter, IndexError>
        repeat {
            opened = Result { () throws(IndexError) in try MailIndexWriter(configuration: configuration) }
            guard case .failure(let error) = opened, error.code == .locked else { break }
            usleep(20_000)
        } while ContinuousClock.now < deadline
        let writer = try opened.get()
        #expect(try writer.delete(rowIDs: [key]) == 1)
        try writer.commit()
    }
}

extension ComplianceHome {
    /// The audit trail as `cairn audit --format json` prints it.
    func auditEntries() throws -> [[String: Any]] {
        let result = try run(["audit", "--format", "json"])
        return try JSONSerialization.jsonObject(with: Data(result.output)) as? [[String: Any]] ?? []
    }
}
