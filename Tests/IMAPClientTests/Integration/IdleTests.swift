import IMAPClient
import IMAPProtocol
import MailModel
import NIOCore
import Testing
import TestSupport

@Suite("IMAPClient against Dovecot: IDLE")
struct IdleTests {
    @Test("IDLE sees a message added by another connection")
    func newMessage() async throws {
        let server = try await TestServers.shared()
        let name = TestServers.uniqueMailbox("Idle")
        try await TestServers.deliver(TestServers.message(subject: "first"), to: name, on: server)
        let seen = try await IMAPClient.withConnection(TestServers.configuration(server), logger: TestServers.logger) { connection in
            try await connection.select(name, readOnly: true)
            let appender = Task {
                try await Task.sleep(for: .milliseconds(300))
                try await IMAPClient.withConnection(TestServers.configuration(server), logger: TestServers.logger) { other in
                    _ = try await other.append(ByteBuffer(bytes: TestServers.message(subject: "second")), to: name)
                }
            }
            var events: [IdleEvent] = []
            try await connection.idle { event in
                events.append(event)
                if case .exists(let count) = event, count >= 2 { return .stop }
                return .continue
            }
            try await appender.value
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
        let seen = try await IMAPClient.withConnection(configuration, logger: TestServers.logger) { connection in
            try await connection.select(name, readOnly: true)
            let appender = Task {
                try await Task.sleep(for: .milliseconds(1_200))  // several renewals happen meanwhile
                try await IMAPClient.withConnection(TestServers.configuration(server), logger: TestServers.logger) { other in
                    _ = try await other.append(ByteBuffer(bytes: TestServers.message(subject: "later")), to: name)
                }
            }
            var sawNew = false
            try await connection.idle { event in
                if case .exists(let count) = event, count >= 2 {
                    sawNew = true
                    return .stop
                }
                return .continue
            }
            try await appender.value
            return sawNew
        }
        #expect(seen)
    }

    @Test("cancelling the task ends IDLE cleanly and promptly")
    func cancellation() async throws {
        let server = try await TestServers.shared()
        let name = TestServers.uniqueMailbox("IdleCancel")
        try await TestServers.deliver(TestServers.message(subject: "first"), to: name, on: server)
        let clock = ContinuousClock()
        let task = Task {
            try await IMAPClient.withConnection(TestServers.configuration(server), logger: TestServers.logger) { connection in
                try await connection.select(name, readOnly: true)
                try await connection.idle { _ in .continue }
                return "not reached"
            }
        }
        try await Task.sleep(for: .milliseconds(500))
        let start = clock.now
        task.cancel()
        let result = await task.result
        #expect(clock.now - start < .seconds(5))
        #expect(throws: CancellationError.self) { try result.get() }
    }
}
