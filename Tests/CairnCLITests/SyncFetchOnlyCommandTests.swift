import Archive
import Foundation
import MailModel
import MailStore
import Testing
import TestSupport

/// `cairn sync --fetch-only` (hidden, for Tools/bench): the real binary against the shared Dovecot.
@Suite("cairn sync --fetch-only (the binary)")
struct SyncFetchOnlyCommandTests {
    @Test("reads every body and prints the exact counts, while another writer holds the archive; archives nothing")
    func fetchOnlyBesideAWriter() async throws {
        let setup = try await SyncCommandTests.Setup()
        defer { setup.remove() }
        let a = SyncCommandTests.messages(setup.prefix, 0..<12, size: 900)
        let b = SyncCommandTests.messages(setup.prefix + "-b", 0..<5, size: 120_000)
        try setup.server.deliver(a, to: setup.folder("A"))
        try setup.server.deliver(b, to: setup.folder("Bü"))
        let bytes = (a + b).reduce(0) { $0 + $1.bytes.count }

        // Another writer holds the archive's lock for the whole run: fetch-only must not need it.
        let writer = try MailArchive.open(home: URL(fileURLWithPath: setup.home), access: .readWrite)
        let run = try await setup.cairn(["sync", "--fetch-only", "--progress", "never"])
        try writer.close()
        #expect(run.status == 0, "\(run.errors)")
        #expect(run.output.contains("acct: fetch only: 2 folders, 17 messages, \(bytes) bytes"), "\(run.output)")
        #expect(run.output.contains("nothing archived"))

        let reader = try MailArchive.open(home: URL(fileURLWithPath: setup.home), access: .readOnly)
        defer { try? reader.close() }
        let (stored, states) = try await reader.store.read { (try $0.messageCount(), try $0.folderStates(account: "acct")) }
        #expect(stored == 0)
        #expect(states.isEmpty)
    }

    @Test("is hidden from the help, refused with --watch, and a wrong password exits 5 without printing it")
    func hiddenAndChecked() async throws {
        let setup = try await SyncCommandTests.Setup()
        defer { setup.remove() }
        let help = try await setup.cairn(["sync", "--help"])
        #expect(help.status == 0)
        #expect(help.output.contains("--watch") && !help.output.contains("fetch-only"))
        let watch = try await setup.cairn(["sync", "--fetch-only", "--watch"])
        #expect(watch.status == 2)
        let wrong = try await setup.cairn(["sync", "--fetch-only", "--progress", "never"], password: "wrong-secret-xyz")
        #expect(wrong.status == 5, "\(wrong.errors)")
        #expect(!(wrong.output + wrong.errors).contains("wrong-secret-xyz"))
    }
}
