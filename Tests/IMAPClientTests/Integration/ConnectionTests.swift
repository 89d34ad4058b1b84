import IMAPClient
import IMAPProtocol
import MailModel
import NIOCore
import Testing
import TestSupport

/// Runs `body` expecting an IMAPError and returns it.
func expectIMAPError(_ body: () async throws -> Void, sourceLocation: SourceLocation = #_sourceLocation) async -> IMAPError? {
    do {
        try await body()
        Issue.record("expected an IMAPError, but it succeeded", sourceLocation: sourceLocation)
    } catch let error as IMAPError {
        return error
    } catch {
        Issue.record("expected an IMAPError, got \(error)", sourceLocation: sourceLocation)
    }
    return nil
}

@Suite("IMAPClient against Dovecot: connecting and logging in")
struct ConnectionTests {
    @Test("IMAPS: logs in, sees capabilities, compresses, lists INBOX")
    func imaps() async throws {
        let server = try await TestServers.shared()
        let configuration = TestServers.configuration(server)
        let names = try await IMAPClient.withConnection(configuration, logger: TestServers.logger) { connection in
            #expect(connection.capabilities.contains(.condStore))
            #expect(connection.capabilities.contains(.idle))
            #expect(connection.isCompressed)
            return try await connection.list().map(\.name)
        }
        #expect(names.contains(.inbox))
    }

    @Test("without compression the session works the same")
    func uncompressed() async throws {
        let server = try await TestServers.shared()
        var configuration = TestServers.configuration(server)
        configuration.compression = false
        let compressed = try await IMAPClient.withConnection(configuration, logger: TestServers.logger) { connection in
            _ = try await connection.list()
            return connection.isCompressed
        }
        #expect(!compressed)
    }

    @Test("STARTTLS: upgrades, then logs in")
    func startTLS() async throws {
        let server = try await TestServers.shared()
        let exists = try await IMAPClient.withConnection(TestServers.configuration(server, security: .startTLS),
                                                         logger: TestServers.logger) { connection in
            try await connection.select(.inbox, readOnly: true).exists
        }
        #expect(exists >= 0)
    }

    @Test("a certificate from an unknown authority is refused, in words")
    func unknownCertificate() async throws {
        let server = try await TestServers.shared()
        for security in [IMAPConfiguration.Security.implicitTLS, .startTLS] {
            var configuration = TestServers.configuration(server, security: security)
            configuration.tls.trust = .system
            let error = await expectIMAPError {
                try await IMAPClient.withConnection(configuration, logger: TestServers.logger) { _ in }
            }
            #expect(error?.category == .tls)
            #expect(error?.message.contains("authority that is not trusted") == true, "\(String(describing: error))")
        }
    }

    @Test("a certificate for another host name is refused")
    func wrongHost() async throws {
        let server = try await TestServers.shared()
        var configuration = TestServers.configuration(server)
        configuration.tls.serverName = "mail.example.org"
        let error = await expectIMAPError {
            try await IMAPClient.withConnection(configuration, logger: TestServers.logger) { _ in }
        }
        #expect(error?.category == .tls)
        #expect(error?.message.contains("not valid for") == true, "\(String(describing: error))")
    }

    @Test("an expired certificate is refused and called expired")
    func expiredCertificate() async throws {
        var options = DovecotServer.Options()
        options.expiredCertificate = true
        options.plainListener = false
        let server = try DovecotServer.start(options)
        defer { server.stop() }
        let error = await expectIMAPError {
            try await IMAPClient.withConnection(TestServers.configuration(server), logger: TestServers.logger) { _ in }
        }
        #expect(error?.category == .tls)
        #expect(error?.message.contains("expired on 2020-02-01") == true, "\(String(describing: error))")
    }

    @Test("a wrong password is refused without showing it")
    func wrongPassword() async throws {
        let server = try await TestServers.shared()
        let secret = "wrong-secret-\(UInt32.random(in: 0...UInt32.max))"
        let error = await expectIMAPError {
            try await IMAPClient.withConnection(TestServers.configuration(server, password: secret),
                                                logger: TestServers.logger) { _ in }
        }
        #expect(error?.category == .authentication)
        #expect(error.map { !"\($0)".contains(secret) } == true)
    }

    @Test("plaintext is refused unless explicitly allowed")
    func plaintext() async throws {
        let server = try await TestServers.shared()
        let refused = await expectIMAPError {
            try await IMAPClient.withConnection(TestServers.configuration(server, security: .plaintext(allowInsecure: false)),
                                                logger: TestServers.logger) { _ in }
        }
        #expect(refused?.category == .tls)
        #expect(refused?.message.contains("plaintext") == true)
        let allowed = try await IMAPClient.withConnection(TestServers.configuration(server, security: .plaintext(allowInsecure: true)),
                                                          logger: TestServers.logger) { connection in
            try await connection.list().count
        }
        #expect(allowed > 0)
    }

    @Test("an OAuth token needs OAUTHBEARER or XOAUTH2, which this server lacks")
    func oauthUnavailable() async throws {
        let server = try await TestServers.shared()
        var configuration = TestServers.configuration(server)
        configuration.credentials = .oauth2(user: server.user, accessToken: "token-123")
        let error = await expectIMAPError {
            try await IMAPClient.withConnection(configuration, logger: TestServers.logger) { _ in }
        }
        #expect(error?.category == .authentication)
        #expect(error.map { !"\($0)".contains("token-123") } == true)
    }

    @Test("an unreadable CA file is a TLS error before connecting")
    func missingCAFile() async throws {
        let server = try await TestServers.shared()
        var configuration = TestServers.configuration(server)
        configuration.tls.trust = .caFile("/nonexistent/ca.pem")
        let error = await expectIMAPError {
            try await IMAPClient.withConnection(configuration, logger: TestServers.logger) { _ in }
        }
        #expect(error?.category == .tls)
        #expect(error?.message.contains("CA file") == true)
    }

    @Test("a closed port is a connection error")
    func refusedConnection() async throws {
        var configuration = IMAPConfiguration(host: "127.0.0.1", port: try FreePort.pick(),
                                              credentials: .password(user: "a", password: "b"))
        configuration.tls.trust = .system
        let error = await expectIMAPError {
            try await IMAPClient.withConnection(configuration, logger: TestServers.logger) { _ in }
        }
        #expect(error?.category == .connection)
    }

    @Test("several connections at once, one folder each")
    func parallelConnections() async throws {
        let server = try await TestServers.shared()
        let folders = (0..<4).map { TestServers.uniqueMailbox("Parallel\($0)") }
        for (index, folder) in folders.enumerated() {
            try await TestServers.deliver((0...index).map { DovecotServer.Message(TestServers.message(subject: "p\($0)")) }, to: folder, on: server)
        }
        let counts = try await withThrowingTaskGroup(of: (Int, Int).self) { group in
            for (index, folder) in folders.enumerated() {
                group.addTask {
                    let count = try await IMAPClient.withConnection(TestServers.configuration(server),
                                                                    logger: TestServers.logger) { connection in
                        try await connection.select(folder, readOnly: true).exists
                    }
                    return (index, count)
                }
            }
            var result: [Int: Int] = [:]
            for try await (index, count) in group { result[index] = count }
            return result
        }
        #expect(counts == [0: 1, 1: 2, 2: 3, 3: 4])
    }
}
