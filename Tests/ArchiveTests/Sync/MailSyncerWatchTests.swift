import Archive
import Foundation
import IMAPClient
import IMAPProtocol
import MailModel
import MailStore
import NIOCore
import Testing
import TestSupport

@Suite("MailSyncer.watch: IDLE, reconnection, stopping")
struct MailSyncerWatchTests {
    @Test("archives mail appended while it watches, within seconds; reconnects after the network is lost; stops on cancel")
    func watchArchivesNewMail() async throws {
        let server = try DovecotServer.start()
        defer { server.stop() }
        let upstream = try #require(server.imapsPort)
        var proxy = try await FaultProxy.start(upstreamPort: upstream, fault: .none)
        let h = try SyncHarness(server: server, port: proxy.port, wholeAccount: true)
        let before = (0..<3).map { TestMessage.make("\(h.prefix)-w", $0) }
        try h.deliver(before, to: .inbox)
        var options = h.options()
        options.pollInterval = .seconds(600)   // only IDLE can notice new mail in time
        let rounds = LockedCounter()
        let archive = try MailArchive.open(home: h.home, access: .readWrite)
        let syncer = MailSyncer(archive: archive, options: options, logger: SyncHarness.logger)
        let request = SyncRequest(accounts: [h.account])
        let watching = Task {
            try await syncer.watch(request) { event in
                if case .roundFinished = event { _ = rounds.increment() }
            }
        }
        defer { watching.cancel() }
        try await Self.waitFor("the first round") { rounds.value >= 1 }
        try await Task.sleep(for: .milliseconds(300))   // the IDLE connections settle

        let arriving = TestMessage.make("\(h.prefix)-w", 10)
        let appended = ContinuousClock.now
        try await h.onServer { connection in
            _ = try await connection.append(ByteBuffer(bytes: arriving.bytes), to: .inbox, internalDate: arriving.internalDate)
        }
        try await Self.waitFor("the new message") { try h.read { try $0.messageKey(for: arriving.id) } != nil }
        #expect(ContinuousClock.now - appended < .seconds(10))

        // The network goes away; mail arrives meanwhile; the watch reconnects and catches up.
        let port = proxy.port
        await proxy.stop()
        let duringOutage = TestMessage.make("\(h.prefix)-w", 11)
        try await h.onServer { connection in
            _ = try await connection.append(ByteBuffer(bytes: duringOutage.bytes), to: .inbox,
                                            internalDate: duringOutage.internalDate)
        }
        try await Task.sleep(for: .milliseconds(800))
        proxy = try await Self.restart(upstream: upstream, port: port)
        try await Self.waitFor("the message sent during the outage") {
            try h.read { try $0.messageKey(for: duringOutage.id) } != nil
        }

        watching.cancel()
        let report = try await watching.value
        await proxy.stop()
        try archive.close()
        #expect(report.interrupted)
        #expect(report.accounts.first?.totals.new == 5)
        #expect(try h.count("folder:INBOX") == 5)
    }

    /// A proxy on a port another one just left (the port may take a moment to be free again).
    static func restart(upstream: Int, port: Int) async throws -> FaultProxy {
        for _ in 0..<50 {
            if let proxy = try? await FaultProxy.start(upstreamPort: upstream, fault: .none, port: port) { return proxy }
            try await Task.sleep(for: .milliseconds(100))
        }
        return try await FaultProxy.start(upstreamPort: upstream, fault: .none, port: port)
    }

    /// Waits (up to 20 s) until `condition` holds.
    static func waitFor(_ what: String, _ condition: () throws -> Bool) async throws {
        let deadline = ContinuousClock.now + .seconds(20)
        while ContinuousClock.now < deadline {
            if try condition() { return }
            try await Task.sleep(for: .milliseconds(100))
        }
        Issue.record("timed out waiting for \(what)")
        throw CancellationError()
    }
}
