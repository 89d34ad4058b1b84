import Archive
import Foundation
import IMAPClient
import IMAPProtocol
import Logging
import MailModel
import MailStore
import NIOCore
import Testing
import TestSupport

/// `cairn sync` as users run it: the real binary against a private Dovecot.
@Suite("cairn sync (the binary)")
struct SyncCommandTests {
    static let variable = "CAIRN_CLI_SYNC_PASSWORD"

    /// An archive folder and an account on the shared server, limited to the test's folders.
    struct Setup {
        let server: DovecotServer
        let home: String
        let prefix: String

        init(server: DovecotServer? = nil, caFile: Bool = true, include: Bool = true, prefix: String? = nil) async throws {
            self.server = try server ?? DovecotServer.shared("CairnCLISyncTests")
            self.prefix = prefix ?? "c\(UInt32.random(in: 0...UInt32.max))"
            home = NSTemporaryDirectory() + "/cairn-cli-sync-\(UUID().uuidString)"
            var arguments = ["--home", home, "account", "add", "acct", "--host", self.server.host,
                             "--port", String(self.server.imapsPort!), "--user", self.server.user,
                             "--password-env", SyncCommandTests.variable]
            if caFile { arguments += ["--ca-file", self.server.caFile] }
            if include { arguments += ["--include", self.prefix + "/*"] }
            let added = try await SyncProcess.run(arguments)
            #expect(added.status == 0, "\(added.errors)")
        }

        func folder(_ name: String) -> MailboxName { MailboxName(prefix + "/" + name) }

        /// Runs `cairn --home H arguments...` with the password in the environment.
        func cairn(_ arguments: [String], password: String? = nil) async throws -> (status: Int32, output: String, errors: String) {
            try await SyncProcess.run(["--home", home] + arguments,
                                      environment: [SyncCommandTests.variable: password ?? server.password])
        }

        /// Starts `cairn --home H arguments...` without waiting.
        func start(_ arguments: [String]) throws -> ChildProcess {
            try SyncProcess.start(["--home", home] + arguments, environment: [SyncCommandTests.variable: server.password])
        }

        func remove() { try? FileManager.default.removeItem(atPath: home) }
    }

    static func message(_ tag: String, _ number: Int, size: Int = 800) -> [UInt8] {
        var text = "From: Ann <ann@example.org>\r\nTo: Robin <robin@home.example>\r\nSubject: \(tag) number \(number)\r\n"
            + "Date: Tue, 2 Jan 2024 10:00:00 +0000\r\nMessage-ID: <\(tag).\(number)@cli.test>\r\n\r\n"
        while text.utf8.count < size { text += "Some words about the budget of \(tag), message \(number).\r\n" }
        return Array(text.utf8)
    }

    static func messages(_ tag: String, _ range: Range<Int>, size: Int = 800) -> [DovecotServer.Message] {
        range.map { DovecotServer.Message(message(tag, $0, size: size), flags: $0 % 2 == 0 ? [.seen] : [],
                                          internalDate: Timestamp(secondsSince1970: 1_704_000_000 + Int64($0))) }
    }

    @Test("syncs, prints a summary, and search lists every folder a message was seen in")
    func syncAndSearch() async throws {
        let setup = try await Setup()
        defer { setup.remove() }
        try setup.server.deliver(Self.messages(setup.prefix, 0..<6), to: setup.folder("A"))
        try setup.server.deliver(Self.messages(setup.prefix, 5..<9), to: setup.folder("Bü"))   // 5 is in both
        let sync = try await setup.cairn(["sync", "--progress", "never"])
        #expect(sync.status == 0, "\(sync.errors)")
        #expect(sync.output.contains("acct: 2 folders (2 synced, 0 unchanged), 9 new"))
        #expect(sync.output.contains("\(setup.prefix)/Bü"))

        let search = try await setup.cairn(["search", "--format", "json", "subject:\"\(setup.prefix) number 5\""])
        #expect(search.status == 0, "\(search.errors)")
        let results = try JSONSerialization.jsonObject(with: Data(search.output.utf8)) as? [[String: Any]]
        let folders = try #require(results?.first?["folders"] as? [String])
        #expect(folders.sorted() == ["acct/\(setup.prefix)/A", "acct/\(setup.prefix)/Bü"])
        let count = try await setup.cairn(["count", "folder:\"\(setup.prefix)/Bü\""])
        #expect(count.output.trimmingCharacters(in: .whitespacesAndNewlines) == "4")

        let again = try await setup.cairn(["sync", "--progress", "never"])
        #expect(again.status == 0)
        #expect(again.output.contains("(0 synced, 2 unchanged), 0 new"))
        let show = try await setup.cairn(["account", "show", "acct"])
        #expect(show.output.contains("\(setup.prefix)/A") && show.output.contains("6 archived"))
    }

    @Test("killed (SIGKILL) at many points, then completed: nothing lost or repeated, the archive consistent")
    func killedAtManyPoints() async throws {
        let setup = try await Setup()
        defer { setup.remove() }
        let folders = ["One", "Two", "Three"].map(setup.folder)
        var total = 0
        for (index, folder) in folders.enumerated() {
            let count = 150 + index * 50
            try setup.server.deliver(Self.messages("\(setup.prefix)-\(index)", 0..<count, size: 6_000), to: folder)
            total += count
        }
        // Each kill follows a real event, a random number of messages committed, so that it lands
        // mid-sync on a fast machine and a slow one alike.
        var random = SystemRandomNumberGenerator()
        var killedRunning = 0
        var stored = 0
        for _ in 0..<12 where killedRunning < 5 && stored < total {
            let process = try setup.start(["sync", "--progress", "never", "--checkpoint-interval", "9"])
            let target = ArchiveProgress.target(stored: stored, total: total, using: &random)
            let reached = try await ArchiveProgress.waitForMessages(target, in: setup.home) { process.isRunning }
            if reached { try await Task.sleep(for: .milliseconds(Int.random(in: 0...20, using: &random))) }
            guard process.isRunning else {
                #expect(await process.wait() == 0, "\(process.standardError)")
                break
            }
            process.signal(SIGKILL)
            let status = await process.wait()
            // The sync may have finished between the check above and the kill: then it is done.
            guard status == 128 + SIGKILL else {
                #expect(status == 0, "\(process.standardError)")
                break
            }
            killedRunning += 1
            // An archive killed while it was being created may not open read-only yet; the next
            // run finishes it.
            stored = await ArchiveProgress.storedMessages(in: setup.home) ?? stored
        }
        #expect(killedRunning >= 3, "too few kills landed while syncing")
        let last = try await setup.cairn(["sync", "--progress", "never"])
        #expect(last.status == 0, "\(last.errors)")

        let archive = try MailArchive.open(home: URL(fileURLWithPath: setup.home), access: .readOnly)
        defer { try? archive.close() }
        let expected = total
        try await archive.store.read { reader in
            #expect(try reader.messageCount() == expected)
            for folder in folders {
                let state = try #require(try reader.folderState(account: "acct", folder: folder))
                let uids = try reader.uids(account: "acct", folder: folder, uidValidity: try #require(state.uidValidity))
                #expect(uids.count == Set(uids).count)
                #expect(uids.count == Int(try #require(state.uidNext).rawValue) - 1)
                for record in try reader.sightings(account: "acct", folder: folder, uidValidity: state.uidValidity!) {
                    #expect(try reader.sightings(of: record.message).count == 1, "a message was recorded twice")
                }
            }
            #expect(try reader.verifyAuditChain().isIntact)
            #expect(try reader.auditCoverageProblems().isEmpty)
            #expect(try reader.pendingIndexCount() == 0)
        }
        #expect(try archive.store.checkDatabaseIntegrity().isEmpty)
        let count = try await setup.cairn(["count", "account:acct"])
        #expect(count.output.trimmingCharacters(in: .whitespacesAndNewlines) == String(total))
    }

    @Test("--watch archives a message appended while it runs, and SIGTERM stops it cleanly (exit 0)")
    func watchThenTerm() async throws {
        let server = try DovecotServer.start()
        defer { server.stop() }
        let setup = try await Setup(server: server, include: false)
        defer { setup.remove() }
        try server.deliver(Self.messages("w", 0..<3), to: .inbox)
        let process = try setup.start(["sync", "--watch", "--poll-interval", "600", "--progress", "never"])
        let deadline = ContinuousClock.now + .seconds(30)
        while !process.standardOutput.contains("watching"), ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(100))
        }
        #expect(process.standardOutput.contains("watching"), "\(process.standardError)")
        try await Task.sleep(for: .milliseconds(300))
        var configuration = IMAPConfiguration(host: server.host, port: server.imapsPort, security: .implicitTLS,
                                              credentials: .password(user: server.user, password: server.password))
        configuration.tls.trust = .caFile(server.caFile)
        let arriving = Self.message("w", 42)
        let appended = ContinuousClock.now
        try await IMAPClient.withConnection(configuration, logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })) {
            _ = try await $0.append(ByteBuffer(bytes: arriving), to: .inbox)
        }
        while !process.standardOutput.contains("INBOX: 1 new"), ContinuousClock.now < appended + .seconds(15) {
            try await Task.sleep(for: .milliseconds(100))
        }
        #expect(process.standardOutput.contains("INBOX: 1 new"), "\(process.standardOutput)\(process.standardError)")
        process.signal(SIGTERM)
        #expect(await process.wait() == 0, "\(process.standardError)")
        let count = try await setup.cairn(["count", "folder:INBOX"])
        #expect(count.output.trimmingCharacters(in: .whitespacesAndNewlines) == "4")
    }

    @Test("an untrusted certificate is exit 5 with what to do")
    func untrustedCertificate() async throws {
        let setup = try await Setup(caFile: false)
        defer { setup.remove() }
        let sync = try await setup.cairn(["sync"])
        #expect(sync.status == 5)
        #expect(sync.errors.contains("certificate"))
        #expect(sync.errors.contains("ca_file") || sync.errors.contains("--ca-file"))
    }

    @Test("a refused login is exit 5, and the password is never printed")
    func refusedLogin() async throws {
        let setup = try await Setup()
        defer { setup.remove() }
        let secret = "not-the-password-\(UInt32.random(in: 0...UInt32.max))"
        let sync = try await setup.cairn(["sync", "-v"], password: secret)
        #expect(sync.status == 5)
        #expect(!sync.errors.contains(secret) && !sync.output.contains(secret))
        #expect(sync.errors.contains("acct"))
    }

    @Test("a folder the server cannot open does not stop the others: exit 3 with the list")
    func oneFolderFails() async throws {
        let server = try DovecotServer.start()
        defer { server.stop() }
        let setup = try await Setup(server: server)
        defer { setup.remove() }
        try server.deliver(Self.messages("ok", 0..<4), to: setup.folder("Good"))
        try server.deliver(Self.messages("bad", 0..<4), to: setup.folder("Broken"))
        let broken = server.folderPath(setup.folder("Broken"))
        // The mail user cannot read the folder any more: SELECT fails there, and only there.
        chmod(broken, 0o000)
        defer { chmod(broken, 0o700) }
        let sync = try await setup.cairn(["sync", "--progress", "never"])
        #expect(sync.status == 3, "\(sync.output)\(sync.errors)")
        #expect(sync.errors.contains("\(setup.prefix)/Broken"))
        let count = try await setup.cairn(["count", "folder:\"\(setup.prefix)/Good\""])
        #expect(count.output.trimmingCharacters(in: .whitespacesAndNewlines) == "4")
    }
}
