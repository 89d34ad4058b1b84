import Foundation
import IMAPClient
import IMAPProtocol
import Logging
import MailModel
import NIOCore
import Testing
import TestSupport

/// `cairn search --where remote|auto` as users run it: the real binary against a private Dovecot.
@Suite("cairn search --where remote and auto")
struct SearchRemoteCommandTests {
    typealias Setup = SyncCommandTests.Setup

    private func jsonLines(_ text: String) throws -> [[String: Any]] {
        try text.split(separator: "\n").map {
            try #require(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
    }

    /// An account with 10 messages in `A` (4 of them in `B` too), synced.
    private func synced() async throws -> Setup {
        let setup = try await Setup()
        try setup.server.deliver(SyncCommandTests.messages(setup.prefix, 0..<10), to: setup.folder("A"))
        try setup.server.deliver(SyncCommandTests.messages(setup.prefix, 6..<10), to: setup.folder("B"))
        let sync = try await setup.cairn(["sync", "--progress", "never"])
        #expect(sync.status == 0, "\(sync.errors)")
        return setup
    }

    /// Checks `--format jsonl` output against `search-result.schema.json` (skipped without jsonschema).
    private func checkSchema(_ output: String, setup: Setup, sourceLocation: SourceLocation = #_sourceLocation) throws {
        guard JSONSchemaCheck.isAvailable else {
            print("skipped: python3 with jsonschema and referencing is not installed")
            return
        }
        let folder = URL(fileURLWithPath: setup.home).appendingPathComponent("schemas-\(UUID().uuidString)")
        let failures = try JSONSchemaCheck.failures([("search-result", .lines, Array(output.utf8))], in: folder)
        #expect(failures == nil, "\(failures ?? "")", sourceLocation: sourceLocation)
    }

    /// Runs a client session on the setup's server.
    private func onServer<T: Sendable>(_ setup: Setup, _ body: (IMAPConnection) async throws -> T) async throws -> T {
        var configuration = IMAPConfiguration(host: setup.server.host, port: setup.server.imapsPort, security: .implicitTLS,
                                              credentials: .password(user: setup.server.user, password: setup.server.password))
        configuration.tls.trust = .caFile(setup.server.caFile)
        return try await IMAPClient.withConnection(configuration, logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })) {
            try await body($0)
        }
    }

    @Test("--where remote lists the server's hits with account, folder, uid, and the id of archived copies")
    func remote() async throws {
        let setup = try await synced()
        defer { setup.remove() }
        let result = try await setup.cairn(["search", "--where", "remote", "--format", "jsonl", "subject:\(setup.prefix)", "number"])
        #expect(result.status == 0, "\(result.errors)")
        let lines = try jsonLines(result.output)
        #expect(lines.count == 14)
        #expect(lines.allSatisfy { $0["source"] as? String == "server" && $0["account"] as? String == "acct" })
        #expect(Set(lines.compactMap { $0["folder"] as? String }) == [setup.folder("A").path, setup.folder("B").path])
        let places = lines.map { "\($0["folder"] ?? "")/\($0["uid"] ?? "")" }
        #expect(Set(places).count == 14)
        let archived = Set(try await setup.cairn(["search", "--format", "ids", "subject:\(setup.prefix)"]).output.split(separator: "\n").map(String.init))
        #expect(Set(lines.compactMap { $0["id"] as? String }) == archived, "every hit is archived, with its id")
        let dates = lines.compactMap { $0["date"] as? String }
        #expect(dates == dates.sorted(by: >))
        try checkSchema(result.output, setup: setup)

        let flagged = try await setup.cairn(["search", "--where", "remote", "--format", "ids", "-flag:seen", "folder:\(setup.folder("A").path)"])
        #expect(flagged.output.split(separator: "\n").count == 5)
        let text = try await setup.cairn(["search", "--where", "remote", "--account", "acct", "subject:\"\(setup.prefix) number 3\""])
        #expect(text.status == 0)
        #expect(text.output.contains("on the server: acct/\(setup.folder("A").path), UID 4"))
        let unknown = try await setup.cairn(["search", "--where", "remote", "--account", "nobody", "x"])
        #expect(unknown.status == 2)
    }

    @Test("--where auto finds mail that arrived after the last sync, labelled server, the rest local, no duplicates")
    func auto() async throws {
        let setup = try await synced()
        defer { setup.remove() }
        let late = SyncCommandTests.message(setup.prefix + "-late", 1)
        let uid = try await onServer(setup) { connection in
            try await connection.append(ByteBuffer(bytes: late), to: setup.folder("A"))
        }
        let query = ["budget", "subject:\(setup.prefix)"]
        let local = try await setup.cairn(["search", "--format", "jsonl"] + query)
        #expect(try jsonLines(local.output).count == 10)
        let result = try await setup.cairn(["search", "--where", "auto", "--format", "jsonl"] + query)
        #expect(result.status == 0, "\(result.errors)")
        let lines = try jsonLines(result.output)
        #expect(lines.count == 11)
        let server = lines.filter { $0["source"] as? String == "server" }
        #expect(server.count == 1)
        #expect(server.first?["uid"] as? Int == Int(try #require(uid).rawValue))
        #expect(server.first?["id"] is NSNull)
        #expect(server.first?["message_id"] as? String == "<\(setup.prefix)-late.1@cli.test>")
        #expect(lines.filter { $0["source"] as? String == "local" }.count == 10)
        try checkSchema(result.output, setup: setup)
        let ids = try await setup.cairn(["search", "--where", "auto", "--format", "ids"] + query)
        let urls = ids.output.split(separator: "\n").filter { $0.hasPrefix("imap://") }
        #expect(urls.count == 1)
        #expect(urls.first?.hasSuffix(";UID=\(try #require(uid).rawValue)") == true)
        // Once synced, the message is the archive's and the server is not asked about it again.
        #expect(try await setup.cairn(["sync", "--progress", "never"]).status == 0)
        let after = try jsonLines(try await setup.cairn(["search", "--where", "auto", "--format", "jsonl"] + query).output)
        #expect(after.count == 11 && after.allSatisfy { $0["source"] as? String == "local" })
        // An untranslatable query: the archive answers, the servers are not asked, and stderr says so.
        let refused = try await setup.cairn(["search", "--where", "auto", "--format", "ids", "thread:abc", "budget"])
        #expect(refused.status == 0)
        #expect(refused.errors.contains("thread:<abc>"))
    }

    @Test("a server that fails: --where auto prints the archive's results and exits 3, --where remote exits 5")
    func failures() async throws {
        let setup = try await synced()
        defer { setup.remove() }
        let auto = try await setup.cairn(["search", "--where", "auto", "--format", "ids", "subject:\(setup.prefix)"], password: "wrong")
        #expect(auto.status == 3)
        #expect(auto.output.split(separator: "\n").count == 10)
        #expect(auto.errors.contains("acct"))
        #expect(!auto.errors.contains("wrong"))
        let remote = try await setup.cairn(["search", "--where", "remote", "subject:\(setup.prefix)"], password: "wrong")
        #expect(remote.status == 5)
    }
}
