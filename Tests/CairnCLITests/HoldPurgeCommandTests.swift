import Foundation
import MailModel
import TestSupport
import Testing

/// Holds, retention and purge through the `cairn` binary, checked message by message: what a hold
/// covers is exactly what a purge keeps, a dry run changes nothing, and every purged id is in the
/// audit trail; an archive verifies after every kind of activity.
@Suite("cairn hold and purge, message by message")
struct HoldPurgeCommandTests {
    @Test("a hold placed before a purge keeps exactly what it covers, mail archived after it included; a dry run deletes nothing")
    func holdKeepsExactly() throws {
        let archive = try ComplianceHome()
        #expect(try archive.run(["hold", "add", "ann", "from:ann@example.org"]).status == 0)
        // Archived after the hold was placed, both delivered in 2021.
        let late = try archive.importOld(["Late Ann": "Ann Smith <ann@example.org>", "Late Carl": "Carl <carl@example.org>"])
        let held = Set(["Old report 0", "Old report 2", "Old report 4", "Fresh news"].compactMap { archive.ids[$0] } + [late["Late Ann"]!])
        let unheld = Set(["Old report 1", "Old report 3", "Old report 5"].compactMap { archive.ids[$0] } + [late["Late Carl"]!])
        #expect(held.count == 5 && unheld.count == 4)
        #expect(try archive.ids("hold:ann") == held)
        #expect(try archive.run(["retention", "set", "--all", "--keep", "2y"]).status == 0)

        let before = try archive.state()
        let dry = try archive.run(["purge", "--format", "json"])
        #expect(dry.status == 0, "\(dry.error)")
        let plan = try #require(try JSONSerialization.jsonObject(with: Data(dry.output)) as? [String: Any])
        #expect(plan["dry_run"] as? Bool == true)
        let listed = (plan["messages"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
        #expect(Set(listed) == unheld)
        #expect(plan["kept_held"] as? Int == 4)   // the fresh one is not past retention
        #expect(try archive.run(["purge", "--dry-run"]).status == 0)
        #expect(try archive.state() == before, "a dry run changed the archive")

        let done = try archive.run(["purge", "--yes", "--format", "json"])
        #expect(done.status == 0, "\(done.error)")
        #expect(try archive.ids("*") == held)
        #expect(try archive.ids("hold:ann") == held)
        let purges = try archive.auditEntries().filter { $0["kind"] as? String == "purge" }
        #expect(purges.count == 1)
        let payload = purges.first?["payload"] as? [String: Any]
        #expect(Set(payload?["ids"] as? [String] ?? []) == unheld)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(done.output)) as? [String: Any])
        #expect(report["audit_entries"] as? [Int] == purges.compactMap { $0["seq"] as? Int })
        #expect(try archive.run(["verify"]).status == 0)
        // Nothing is left to purge: the held messages stay however often it runs.
        #expect(try archive.run(["purge", "--yes"]).status == 0)
        #expect(try archive.ids("*") == held)
    }

    @Test("an intact archive verifies after imports, exports (in the trail with their manifest's hash), purges and a reindex")
    func intactAfterEverything() throws {
        let archive = try ComplianceHome()
        try archive.expectIntact("after an import")
        let mbox = archive.home.root.appendingPathComponent("out/all.mbox").path
        let manifest = archive.home.root.appendingPathComponent("out/manifest.json").path
        try FileManager.default.createDirectory(atPath: archive.home.root.appendingPathComponent("out").path,
                                                withIntermediateDirectories: true)
        let export = try archive.run(["export", "from:carl@example.org", "--mbox", mbox, "--manifest", manifest])
        #expect(export.status == 0, "\(export.error)")
        let exports = try archive.auditEntries().filter { $0["kind"] as? String == "export" }
        let exported = try #require(exports.last?["payload"] as? [String: Any])
        #expect(exported["count"] as? Int == 3)
        #expect(exported["manifest_sha256"] as? String == SHA256.hash(try Data(contentsOf: URL(fileURLWithPath: manifest))).hex)
        #expect(try archive.run(["export", "--eml", archive.home.root.appendingPathComponent("out/eml").path]).status == 0)
        try archive.expectIntact("after exports")

        // The export imported again adds nothing; new mail is archived.
        #expect(try archive.run(["import", "mbox", mbox]).status == 0)
        _ = try archive.importOld(["Another": "Dee <dee@example.org>"])
        #expect(try archive.run(["count"]).text == "8\n")
        try archive.expectIntact("after more imports")

        #expect(try archive.run(["retention", "set", "--all", "--keep", "2y"]).status == 0)
        #expect(try archive.run(["purge", "--yes"]).status == 0)
        #expect(try archive.run(["count"]).text == "1\n")
        try archive.expectIntact("after a purge")
        #expect(try archive.run(["reindex"]).status == 0)
        try archive.expectIntact("after a reindex")
        let kinds = Set(try archive.auditEntries().compactMap { $0["kind"] as? String })
        #expect(kinds.isSuperset(of: ["archive.created", "message.archived", "import", "export", "retention.changed",
                                      "purge", "reindex"]))
    }
}

extension ComplianceHome {
    /// Imports one .eml message per subject (from the given sender), delivered in 2021; their ids by subject.
    func importOld(_ senders: [String: String]) throws -> [String: String] {
        var paths: [String] = []
        var ids: [String: String] = [:]
        for (subject, from) in senders.sorted(by: { $0.key < $1.key }) {
            let bytes = testMessage(subject, body: "late ledger", from: from)
            let path = try home.file("late/\(subject.filter(\.isLetter)).eml", bytes)
            try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: 1_620_000_000)],
                                                  ofItemAtPath: path)
            paths.append(path)
            ids[subject] = MessageID.of(bytes).hex
        }
        let imported = try run(["import", "eml"] + paths)
        #expect(imported.status == 0, "\(imported.error)")
        return ids
    }

    /// The ids `cairn search QUERY --format ids` prints.
    func ids(_ query: String) throws -> Set<String> {
        Set(try run(["search", "--format", "ids", query]).text.split(separator: "\n").map(String.init))
    }

    /// What a purge could change: the stored ids, the audit trail's length and head, the index's size.
    func state() throws -> [String] {
        let verify = try run(["verify", "--format", "json"])
        let object = try JSONSerialization.jsonObject(with: Data(verify.output)) as? [String: Any]
        let documents = (object?["counts"] as? [String: Any])?["index_documents"] as? Int
        return try ids("*").sorted() + ["head " + run(["verify", "--anchor"]).text, "documents \(documents ?? -1)"]
    }

    /// `cairn verify` exits 0 and says intact.
    func expectIntact(_ when: String) throws {
        let verify = try run(["verify"])
        #expect(verify.status == 0, "\(when): \(verify.text)\(verify.error)")
        #expect(verify.text.contains("intact"), "\(when)")
    }
}
