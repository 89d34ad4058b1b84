@testable import Archive
import Foundation
import MailModel
import MailStore
import TestSupport
import Testing

/// Export to each format, import the export into a new archive, and get the same ids: on the
/// real-world fixtures and on a generated corpus.
@Suite struct ExportRoundTripTests {
    struct Workspace {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("cairn-roundtrip-\(UUID().uuidString)")

        func archive(_ name: String) throws -> MailArchive {
            try MailArchive.open(home: root.appendingPathComponent(name), access: .readWrite)
        }

        func path(_ name: String) -> String { root.appendingPathComponent(name).path }

        func remove() { try? FileManager.default.removeItem(at: root) }
    }

    static func ids(_ archive: MailArchive) throws -> Set<MessageID> {
        try Set(archive.store.read { reader in
            try reader.summaries(of: (1...10_000).map { MessageKey(Int64($0)) })
        }.map(\.id))
    }

    static func export(_ archive: MailArchive, _ target: ExportTarget) throws -> Exporter.Report {
        let keys = try archive.makeSearcher().keys(.all, order: .oldest)
        return try Exporter(store: archive.store, generator: "cairn test").export(keys, query: "*", to: target, manifestPath: nil)
    }

    static func importInto(_ archive: MailArchive, _ kind: ImportRequest.Kind, _ path: String) throws {
        _ = try MailImporter(archive: archive).run(ImportRequest(kind: kind, paths: [path]))
    }

    /// Imports `source` into a first archive, then each export of it into fresh archives.
    static func roundTrip(source kind: ImportRequest.Kind, _ path: String, in workspace: Workspace) throws {
        let original = try workspace.archive("original")
        defer { try? original.close() }
        try importInto(original, kind, path)
        let expected = try ids(original)
        #expect(!expected.isEmpty)
        // Maildir and EML keep every byte; an mbox cannot hold a message without a final newline.
        let withoutFinalNewline = try Set(original.store.read { reader in
            try reader.summaries(of: (1...10_000).map { MessageKey(Int64($0)) }).filter { summary in
                try reader.rawBytes(of: summary.key).last != 0x0A
            }.map(\.id)
        })
        let targets: [(ExportTarget, ImportRequest.Kind)] = [
            (.mbox(path: workspace.path("out.mbox"), variant: .mboxrd), .mbox),
            (.maildir(path: workspace.path("out-maildir")), .maildir),
            (.eml(path: workspace.path("out-eml")), .eml),
        ]
        for (index, (target, kind)) in targets.enumerated() {
            let report = try export(original, target)
            #expect(report.count == expected.count)
            let copy = try workspace.archive("copy\(index)")
            defer { try? copy.close() }
            try importInto(copy, kind, target.path)
            let got = try ids(copy)
            // Compare by count and by the few ids that differ, so a failure prints something readable.
            let mustMatch = target.formatName == "mbox" ? expected.subtracting(withoutFinalNewline) : expected
            let missing = mustMatch.subtracting(got).map(\.short).sorted()
            #expect(missing.isEmpty, "\(target.formatName): ids lost in the round trip: \(missing)")
            #expect(got.count == expected.count, "\(target.formatName)")
        }
    }

    @Test func realWorldFixtures() throws {
        let workspace = Workspace()
        defer { workspace.remove() }
        try ExportRoundTripTests.roundTrip(source: .eml, Fixtures.url("corpus").path, in: workspace)
    }

    @Test func generatedCorpus() throws {
        let workspace = Workspace()
        defer { workspace.remove() }
        let maildir = workspace.path("generated")
        let result = try Subprocess.run(Fixtures.packageRoot.appendingPathComponent("Tools/gen-corpus").path,
                                        ["--count", "150", "--seed", "11", "--format", "maildir", "--out", maildir,
                                         "--max-attachment-mb", "1"])
        try #require(result.status == 0, "gen-corpus: \(result.standardError)")
        try ExportRoundTripTests.roundTrip(source: .maildir, maildir, in: workspace)
    }
}
