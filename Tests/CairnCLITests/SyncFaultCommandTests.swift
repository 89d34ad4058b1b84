import Archive
import Foundation
import MailModel
import MailStore
import Testing
import TestSupport

/// `cairn sync` through a ``FaultProxy`` in front of a private Dovecot: what a user sees when the
/// network misbehaves, and that nothing is lost or repeated once it behaves again.
@Suite("cairn sync over a faulty network")
struct SyncFaultCommandTests {
    /// An archive whose account reaches the shared server through a proxy.
    struct ProxiedSetup {
        let server: DovecotServer
        let home: String
        let prefix: String
        let port: Int

        /// `tls`: through the IMAPS listener (the proxy sees TLS records), else plaintext.
        init(port: Int, tls: Bool = false, prefix: String = "f\(UInt32.random(in: 0...UInt32.max))") async throws {
            server = try DovecotServer.shared("CairnCLISyncTests")
            self.prefix = prefix
            home = NSTemporaryDirectory() + "/cairn-cli-fault-\(UUID().uuidString)"
            self.port = port
            var arguments = ["--home", home, "account", "add", "acct", "--host", "127.0.0.1", "--port", String(port),
                             "--user", server.user, "--password-env", SyncCommandTests.variable, "--include", prefix + "/*"]
            arguments += tls ? ["--security", "tls", "--ca-file", server.caFile] : ["--security", "none", "--allow-insecure"]
            let added = try await SyncProcess.run(arguments)
            #expect(added.status == 0, "\(added.errors)")
        }

        func folder(_ name: String) -> MailboxName { MailboxName(prefix + "/" + name) }

        func cairn(_ arguments: [String]) async throws -> (status: Int32, output: String, errors: String) {
            try await SyncProcess.run(["--home", home] + arguments, environment: [SyncCommandTests.variable: server.password])
        }

        func start(_ arguments: [String]) throws -> ChildProcess {
            try SyncProcess.start(["--home", home] + arguments, environment: [SyncCommandTests.variable: server.password])
        }

        func remove() { try? FileManager.default.removeItem(atPath: home) }

        /// Every message of `folder` archived exactly once, and verify clean.
        func expectComplete(_ folder: MailboxName, count: Int, sourceLocation: SourceLocation = #_sourceLocation) async throws {
            let archive = try MailArchive.open(home: URL(fileURLWithPath: home), access: .readOnly)
            defer { try? archive.close() }
            try await archive.store.read { reader in
                let state = try #require(try reader.folderState(account: "acct", folder: folder), sourceLocation: sourceLocation)
                let uids = try reader.uids(account: "acct", folder: folder, uidValidity: try #require(state.uidValidity))
                #expect(uids.count == count, sourceLocation: sourceLocation)
                #expect(Set(uids).count == uids.count, sourceLocation: sourceLocation)
                #expect(try reader.messageCount() == count, sourceLocation: sourceLocation)
            }
            let verified = try await cairn(["verify"])
            #expect(verified.status == 0, "\(verified.output)\(verified.errors)", sourceLocation: sourceLocation)
        }
    }

    /// A proxy with `fault` on a port below the kernel's ephemeral range (20000-29999), so that no
    /// outgoing connection, and no client connecting to it while it is down, can take its port: a
    /// proxy can then come back on the same port.
    static func proxy(upstream: Int, fault: FaultProxy.Fault) async throws -> FaultProxy {
        for _ in 0..<100 {
            if let proxy = try? await FaultProxy.start(upstreamPort: upstream, fault: fault, port: Int.random(in: 20_000..<30_000)) {
                return proxy
            }
        }
        return try await FaultProxy.start(upstreamPort: upstream, fault: fault, port: Int.random(in: 20_000..<30_000))
    }

    /// A proxy with no fault on `port` (a port another proxy just left may take a moment to be free).
    static func cleanProxy(upstream: Int, port: Int) async throws -> FaultProxy {
        for _ in 0..<50 {
            if let proxy = try? await FaultProxy.start(upstreamPort: upstream, fault: .none, port: port) { return proxy }
            try await Task.sleep(for: .milliseconds(100))
        }
        return try await FaultProxy.start(upstreamPort: upstream, fault: .none, port: port)
    }

    /// Delivers `count` messages of about 6 kB to a new folder; the marker of message `cutAt` is a
    /// line of its body.
    static func fill(_ setup: ProxiedSetup, _ name: String, count: Int) throws -> MailboxName {
        let folder = setup.folder(name)
        try setup.server.deliver(SyncCommandTests.messages(setup.prefix + name, 0..<count, size: 6_000), to: folder)
        return folder
    }

    /// Runs one faulty sync and then a clean one through the same port.
    static func faultThenRecover(_ fault: (String) -> FaultProxy.Fault, name: String, timeout: Double = 3,
                                 expectedStatus: Set<Int32> = [5], messageContains: [String])
        async throws {
        let server = try DovecotServer.shared("CairnCLISyncTests")
        let upstream = try #require(server.imapPort)
        let prefix = "f\(UInt32.random(in: 0...UInt32.max))"
        let proxy = try await Self.proxy(upstream: upstream, fault: fault(prefix + name))
        let port = proxy.port
        let setup = try await ProxiedSetup(port: port, prefix: prefix)
        defer { setup.remove() }
        let folder = try fill(setup, name, count: 60)
        let clock = ContinuousClock()
        let started = clock.now
        let faulty = try await setup.cairn(["sync", "--progress", "never", "--timeout", String(timeout), "--backoff", "0.1"])
        let took = (clock.now - started).seconds
        await proxy.stop()
        #expect(expectedStatus.contains(faulty.status), "\(name): exit \(faulty.status): \(faulty.errors)")
        for text in messageContains {
            #expect(faulty.errors.lowercased().contains(text), "\(name): '\(text)' missing from: \(faulty.errors)")
        }
        #expect(took < 60, "\(name): gave up after \(took) s")
        // Whatever was committed is whole; a sync through a healthy network completes it.
        let healthy = try await cleanProxy(upstream: upstream, port: port)
        let again = try await setup.cairn(["sync", "--progress", "never"])
        await healthy.stop()
        #expect(again.status == 0, "\(name): \(again.errors)")
        try await setup.expectComplete(folder, count: 60)
    }

    @Test("the server goes away mid-sync (cut inside a message every time): exit 5 naming the account; the next sync loses nothing")
    func serverGoesAway() async throws {
        try await Self.faultThenRecover({ .cut(after: .marker("Subject: \($0) number 30", plus: 200)) }, name: "Gone",
                                        messageContains: ["acct"])
    }

    @Test("a reset in the middle of a body literal: exit 5; nothing half-written")
    func resetMidLiteral() async throws {
        try await Self.faultThenRecover({ _ in .reset(after: .marker("BODY[] {", plus: 2_000)) }, name: "Reset",
                                        messageContains: ["acct"])
    }

    @Test("a stalled server: the timeout fires, exit 5 saying so, in bounded time")
    func stall() async throws {
        try await Self.faultThenRecover({ _ in .stall(after: .marker("BODY[] {", plus: 500)) }, name: "Stall", timeout: 1.5,
                                        messageContains: ["acct", "did not answer within"])
    }

    @Test("a slow trickle of bytes: slow but complete (exit 0)")
    func trickle() async throws {
        let server = try DovecotServer.shared("CairnCLISyncTests")
        let upstream = try #require(server.imapPort)
        let proxy = try await Self.proxy(upstream: upstream, fault: .trickle(bytes: 2_000, interval: .milliseconds(1)))
        let setup = try await ProxiedSetup(port: proxy.port)
        defer { setup.remove() }
        let folder = try Self.fill(setup, "Trickle", count: 30)
        let sync = try await setup.cairn(["sync", "--progress", "never", "--timeout", "10"])
        await proxy.stop()
        #expect(sync.status == 0, "\(sync.errors)")
        try await setup.expectComplete(folder, count: 30)
    }

    @Test("corrupted TLS records (the TLS layer alerts): exit 5 naming TLS; the next sync loses nothing")
    func tlsAlert() async throws {
        let server = try DovecotServer.shared("CairnCLISyncTests")
        let upstream = try #require(server.imapsPort)
        let proxy = try await Self.proxy(upstream: upstream, fault: .corrupt(after: .bytes(40_000), count: 64))
        let port = proxy.port
        let setup = try await ProxiedSetup(port: port, tls: true)
        defer { setup.remove() }
        let folder = try Self.fill(setup, "TLS", count: 40)
        let faulty = try await setup.cairn(["sync", "--progress", "never", "--timeout", "3", "--backoff", "0.1"])
        await proxy.stop()
        #expect(faulty.status == 5, "exit \(faulty.status): \(faulty.errors)")
        // A corrupted record fails its MAC check (a TLS alert); one whose length was hit stalls until the timeout.
        #expect(["tls", "connection", "did not answer"].contains { faulty.errors.lowercased().contains($0) }, "\(faulty.errors)")
        let healthy = try await Self.cleanProxy(upstream: upstream, port: port)
        let again = try await setup.cairn(["sync", "--progress", "never"])
        await healthy.stop()
        #expect(again.status == 0, "\(again.errors)")
        try await setup.expectComplete(folder, count: 40)
    }

    @Test("sync --watch survives the network going away: it reconnects (with backoff) and archives what came meanwhile")
    func watchReconnects() async throws {
        let server = try DovecotServer.start()
        defer { server.stop() }
        let upstream = try #require(server.imapPort)
        var proxy = try await Self.proxy(upstream: upstream, fault: .none)
        let port = proxy.port
        let home = NSTemporaryDirectory() + "/cairn-cli-watch-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: home) }
        let environment = [SyncCommandTests.variable: server.password]
        let added = try await SyncProcess.run(["--home", home, "account", "add", "acct", "--host", "127.0.0.1", "--port", String(port),
                                               "--user", server.user, "--password-env", SyncCommandTests.variable,
                                               "--security", "none", "--allow-insecure", "--include", "INBOX"])
        #expect(added.status == 0, "\(added.errors)")
        try server.deliver(SyncCommandTests.messages("watch", 0..<3), to: .inbox)
        let process = try SyncProcess.start(["--home", home, "sync", "--watch", "--poll-interval", "1", "--backoff", "0.2",
                                             "--timeout", "3", "--progress", "never"], environment: environment)
        try await Self.waitFor("watching", process) { process.standardOutput.contains("watching") }

        await proxy.stop()   // the network goes away
        try server.deliver(SyncCommandTests.messages("watch", 3..<5), to: .inbox)
        try await Task.sleep(for: .seconds(1.5))   // a few failed reconnections
        #expect(process.isRunning, "the watch must survive the outage: \(process.standardError)")
        proxy = try await Self.cleanProxy(upstream: upstream, port: port)
        try await Self.waitFor("the messages sent during the outage", process) {
            process.standardOutput.contains("2 new")
        }
        process.signal(SIGTERM)
        #expect(await process.wait() == 0, "\(process.standardError)")
        await proxy.stop()
        let count = try await SyncProcess.run(["--home", home, "count", "folder:INBOX"])
        #expect(count.output.trimmingCharacters(in: .whitespacesAndNewlines) == "5")
    }

    /// Waits up to 30 s for `condition`.
    static func waitFor(_ what: String, _ process: ChildProcess, _ condition: () -> Bool) async throws {
        let deadline = ContinuousClock.now + .seconds(30)
        while !condition(), ContinuousClock.now < deadline, process.isRunning {
            try await Task.sleep(for: .milliseconds(100))
        }
        #expect(condition(), "timed out waiting for \(what): \(process.standardOutput)\(process.standardError)")
    }
}
