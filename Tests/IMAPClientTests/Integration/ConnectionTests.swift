import IMAPClient
import IMAPProtocol
import MailModel
import NIOCore
import Testing
import TestSupport

@Suite("IMAPClient against Dovecot: connecting and logging in")
struct ConnectionTests {
    @Test("IMAPS: logs in, sees capabilities, lists INBOX")
    func imaps() async throws {
        let server = try TestServers.shared()
        let names = try await IMAPClient.withConnection(TestServers.configuration(server), logger: TestServers.logger) { connection in
            #expect(connection.capabilities.contains(.condStore))
            #expect(connection.capabilities.contains(.idle))
            return try await connection.list().map(\.name)
        }
        #expect(names.contains(.inbox))
    }

    @Test("STARTTLS: upgrades, then logs in")
    func startTLS() async throws {
        let server = try TestServers.shared()
        let exists = try await IMAPClient.withConnection(TestServers.configuration(server, security: .startTLS),
                                                         logger: TestServers.logger) { connection in
            try await connection.select(.inbox, readOnly: true).exists
        }
        #expect(exists >= 0)
    }
}
