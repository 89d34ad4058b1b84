import IMAPClient
import IMAPProtocol
import MailModel
import NIOCore
import Testing
import TestSupport

@Suite("IMAPClient against Dovecot: IDLE")
struct IdleTests {
    /// Appends a message to `name` from a second connection.
    private static func append(_ subject: String, to name: MailboxName, on server: DovecotServer) async throws {
        try await IMAPClient.withConnection(TestServers.configuration(server), logger: TestServers.logger) { other in
            _ = try await other.append(ByteBuffer(bytes: TestServers.message(subject: subject)), to: name)
        }
    }

    @Test("IDLE sees a message added by another connection")
    func newMessage() async throws {
        let server = try await TestServers.shared()
        let name = TestServers.uniqueMailbox("Idle")
        try await TestServers.deliver(TestServers.message(subject: "first"), to: name, on: server)
        let seen = try await IMAPClient.withConnection(TestServers.configuration(server), logger: TestServers.logger) { connection in
            try await connection.select(name, readOnly: true)
            var events: [IdleEvent] = []
            var appended = false
            // The other connection appends once the server has confirmed IDLE: no guessing how long that takes.
            try await connection.idle(whenIdling: {
                if !appended { try await Self.append("second", to: name, on: server) }
                appended = true
            }) { event in
                events.append(event)
                if case .exists(let count) = event, count >= 2 { return .stop }
                return .continue
            }
            // The connection is usable again after DONE.
            let count = try await connection.search(.all).count
            return (events, count)
        }
        #expect(seen.0.contains(.exists(2)))
        #expect(seen.1 == 2)
    }

    @Test("IDLE is renewed when due and still reports changes")
    func renewal() async throws {
        let server = try await TestServers.shared()
        let name = TestServers.uniqueMailbox("IdleRenew")
        try await TestServers.deliver(TestServers.message(subject: "first"), to: name, on: server)
        var configuration = TestServers.configuration(server)
        configuration.timeouts.idleRenewal = .milliseconds(250)
        let (starts, sawNew) = try await IMAPClient.withConnection(configuration, logger: TestServers.logger) { connection in
            try await connection.select(name, readOnly: true)
            var starts = 0
            var sawNew = false
            // Append only after two renewals have been confirmed by the server.
            try await connection.idle(whenIdling: {
                starts += 1
                if starts == 3 { try await Self.append("later", to: name, on: server) }
            }) { event in
                if case .exists(let count) = event, count >= 2 {
                    sawNew = true
                    return .stop
                }
                return .continue
            }
            return (starts, sawNew)
        }
        #expect(starts >= 3)
        #expect(sawNew)
    }

    @Test("cancelling the task ends IDLE cleanly and promptly")
    func cancellation() async throws {
        let server = try await TestServers.shared()
        let name = TestServers.uniqueMailbox("IdleCancel")
        try await TestServers.deliver(TestServers.message(subject: "first"), to: name, on: server)
        let (idling, signal) = AsyncStream.makeStream(of: Void.self)
        let task = Task {
            try await IMAPClient.withConnection(TestServers.configuration(server), logger: TestServers.logger) { connection in
                try await connection.select(name, readOnly: true)
                try await connection.idle(whenIdling: { signal.yield() }) { _ in .continue }
                return "not reached"
            }
        }
        // Cancel once the server has confirmed IDLE.
        for await _ in idling { break }
        let clock = ContinuousClock()
        let start = clock.now
        task.cancel()
        let result = await task.result
        #expect(clock.now - start < .seconds(10), "DONE and its OK are one round trip, not a timeout")
        #expect(throws: CancellationError.self) { try result.get() }
    }
}
