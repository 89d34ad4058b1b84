import IMAPClient
import IMAPProtocol
import MailModel
import NIOCore
import Testing
import TestSupport

/// A long-lived service that owns its state, as the sync engine will: it opens the connection, lets the
/// body (outside the actor) use it, and keeps what the body returns.
private actor MailboxCounter {
    private(set) var counts: [MailboxName: Int] = [:]

    func count(_ configuration: IMAPConfiguration, _ mailboxes: [MailboxName]) async throws {
        let found = try await IMAPClient.withConnection(configuration, logger: TestServers.logger) { connection in
            var found: [MailboxName: Int] = [:]
            for mailbox in mailboxes {
                found[mailbox] = try await connection.select(mailbox, readOnly: true).exists
                found[mailbox, default: 0] += try await countBodies(connection)
            }
            return found
        }
        counts.merge(found) { $1 }
    }
}

/// A helper in plain nonisolated code that receives the connection.
private func countBodies(_ connection: IMAPConnection) async throws -> Int {
    var received = 0
    for try await event in connection.fetchBodies(UIDSet.all) {
        if case .end = event { received += 1 }
    }
    return received
}

@Suite("IMAPClient used from an actor")
struct ActorUsageTests {
    @Test("an actor can hold the connection's results and use it inside withConnection")
    func actorIsolation() async throws {
        let server = try await TestServers.shared()
        let name = TestServers.uniqueMailbox("Actor")
        try await TestServers.deliver((0..<3).map { DovecotServer.Message(TestServers.message(subject: "a\($0)")) }, to: name, on: server)
        let counter = MailboxCounter()
        try await counter.count(TestServers.configuration(server), [name])
        #expect(await counter.counts[name] == 6)
    }
}
