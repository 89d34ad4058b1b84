import Foundation
import MailModel
import Testing
import TestSupport

/// Compliance of an archive filled by `cairn sync` from a private Dovecot, all through the binary:
/// it verifies after syncs with new mail, flag changes and expunges; a hold covers mail synced after
/// it was placed, and a purge keeps exactly the held messages.
@Suite("cairn verify, hold and purge on a synced archive (Dovecot)")
struct SyncComplianceCommandTests {
    static let ann = "Ann <ann@example.org>"
    static let carl = "Carl <carl@example.org>"

    /// Message `number` of a test, from Ann when even, else from Carl; delivered in December 2023.
    static func message(_ tag: String, _ number: Int) -> DovecotServer.Message {
        let from = number.isMultiple(of: 2) ? ann : carl
        let text = "From: \(from)\r\nTo: Robin <robin@home.example>\r\nSubject: \(tag) ledger \(number)\r\n"
            + "Date: Tue, 2 Jan 2024 10:00:00 +0000\r\nMessage-ID: <\(tag).\(number)@compliance.test>\r\n\r\n"
            + "Figures for \(tag), number \(number).\r\n"
        return DovecotServer.Message(Array(text.utf8), flags: [], internalDate: Timestamp(secondsSince1970: 1_702_000_000 + Int64(number)))
    }

    @Test("verifies after syncs with new mail, a flag change and an expunge; a hold covers later mail; purge keeps exactly it")
    func syncedArchive() async throws {
        let setup = try await SyncCommandTests.Setup()
        defer { setup.remove() }
        let inbox = setup.folder("Ledger")
        let messages = (0..<8).map { Self.message(setup.prefix, $0) }
        let ids = messages.map { MessageID.of($0.bytes).hex }
        try setup.server.deliver(messages[0..<6], to: inbox)
        try await expect(setup, ["sync"], status: 0)
        try await expect(setup, ["verify"], status: 0)
        try await expect(setup, ["hold", "add", "ann", "from:ann@example.org"], status: 0, output: "covers 3 messages")

        // On the server: two new messages, message 1 flagged, message 3 expunged.
        try setup.server.deliver(messages[6..<8], to: inbox)
        let cur = setup.server.folderPath(inbox) + "/cur/"
        let flagged = try file(in: cur, with: messages[1])   // named "...:2,", no flags yet
        try FileManager.default.moveItem(atPath: cur + flagged, toPath: cur + flagged + "F")
        try FileManager.default.removeItem(atPath: cur + file(in: cur, with: messages[3]))
        try await expect(setup, ["sync"], status: 0)
        try await expect(setup, ["count", "hold:ann"], status: 0, output: "4\n")
        try await expect(setup, ["count", "is:expunged"], status: 0, output: "1\n")
        try await expect(setup, ["count", "flag:flagged"], status: 0, output: "1\n")
        let audit = try await setup.cairn(["audit"]).output
        for kind in ["message.expunged", "message.flags", "hold.placed", "hold.extended"] {
            #expect(audit.contains(kind), "\(kind) missing from the trail:\n\(audit)")
        }
        try await expect(setup, ["verify"], status: 0, output: "intact")

        try await expect(setup, ["retention", "set", "--all", "--keep", "1y"], status: 0)
        try await expect(setup, ["purge", "--yes"], status: 0, output: "purged 4 messages")
        let kept = try await setup.cairn(["search", "--format", "ids", "*"]).output.split(separator: "\n").map(String.init)
        #expect(Set(kept) == Set([0, 2, 4, 6].map { ids[$0] }))
        try await expect(setup, ["verify"], status: 0, output: "intact")
    }

    /// Runs `cairn` with the account's password and checks its exit status and a part of its output.
    private func expect(_ setup: SyncCommandTests.Setup, _ arguments: [String], status: Int32, output: String = "",
                        sourceLocation: SourceLocation = #_sourceLocation) async throws {
        let result = try await setup.cairn(arguments + ["--progress", "never"])
        #expect(result.status == status, "\(arguments): \(result.output)\(result.errors)", sourceLocation: sourceLocation)
        #expect(output.isEmpty || result.output.contains(output), "\(arguments): \(result.output)", sourceLocation: sourceLocation)
    }

    /// The name of the file in a Maildir's `cur/` that holds this message.
    private func file(in folder: String, with message: DovecotServer.Message) throws -> String {
        for name in try FileManager.default.contentsOfDirectory(atPath: folder)
        where FileManager.default.contents(atPath: folder + name).map(Array.init) == message.bytes {
            return name
        }
        throw DatabaseTamper.Failure(description: "no file in \(folder) holds the message")
    }
}
