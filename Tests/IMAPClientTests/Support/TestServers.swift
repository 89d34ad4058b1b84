import Foundation
import IMAPClient
import IMAPProtocol
import Logging
import MailModel
import NIOCore
import TestSupport

/// The Dovecot shared by the integration suites, and configurations that reach it.
enum TestServers {
    /// One server for the whole test process (started on first use, stopped at exit), started off the
    /// cooperative thread pool.
    static func shared() async throws -> DovecotServer {
        try await Blocking.run { try DovecotServer.shared("IMAPClientTests", options: options()) }
    }

    /// Runs `body` against a server of its own, stopped afterwards (both off the cooperative thread pool).
    ///
    /// For tests that CREATE a mailbox: Dovecot 2.3 makes a Maildir folder in two steps (the folder, then
    /// its `cur/new/tmp`). A LIST from another session in between (any test on the shared server) opens the
    /// half-made folder and completes it itself, and the CREATE then fails with `[ALREADYEXISTS]`.
    static func withPrivateServer<Result: Sendable>(_ body: (DovecotServer) async throws -> Result) async throws -> Result {
        let server = try await Blocking.run { try DovecotServer.start(options()) }
        let result: Result
        do {
            result = try await body(server)
        } catch {
            try? await Blocking.run { server.stop() }
            throw error
        }
        try await Blocking.run { server.stop() }
        return result
    }

    /// The options of the test servers: session transcripts when `CAIRN_IMAP_RAWLOG=1` (for debugging).
    private static func options() -> DovecotServer.Options {
        var options = DovecotServer.Options()
        options.rawlog = ProcessInfo.processInfo.environment["CAIRN_IMAP_RAWLOG"] == "1"
        return options
    }

    /// Fills a folder off the cooperative thread pool.
    static func deliver(_ messages: [DovecotServer.Message], to mailbox: MailboxName, on server: DovecotServer) async throws {
        try await Blocking.run { try server.deliver(messages, to: mailbox) }
    }

    /// Fills a folder with one message off the cooperative thread pool.
    static func deliver(_ message: [UInt8], to mailbox: MailboxName, on server: DovecotServer) async throws {
        try await deliver([DovecotServer.Message(message)], to: mailbox, on: server)
    }

    /// A configuration for `server` over IMAPS, trusting its CA.
    static func configuration(_ server: DovecotServer, security: IMAPConfiguration.Security = .implicitTLS,
                              user: String? = nil, password: String? = nil) -> IMAPConfiguration {
        let port: Int?
        switch security {
        case .implicitTLS: port = server.imapsPort
        default: port = server.imapPort
        }
        var configuration = IMAPConfiguration(host: server.host, port: port, security: security,
                                              credentials: .password(user: user ?? server.user, password: password ?? server.password))
        configuration.tls.trust = .caFile(server.caFile)
        configuration.timeouts.command = .seconds(20)
        configuration.timeouts.login = .seconds(20)
        configuration.timeouts.connect = .seconds(10)
        return configuration
    }

    /// A logger that drops everything.
    static let logger = Logger(label: "cairn.test.imap", factory: { _ in SwiftLogNoOpLogHandler() })

    /// A small message with a subject and a body line.
    static func message(subject: String, body: String = "Hello.", from: String = "alice@example.com") -> [UInt8] {
        Array("From: \(from)\r\nTo: bob@example.com\r\nSubject: \(subject)\r\nMessage-ID: <\(subject.hashValue)@test>\r\n\r\n\(body)\r\n".utf8)
    }

    /// A mailbox name unique to one test.
    static func uniqueMailbox(_ prefix: String) -> MailboxName {
        MailboxName("\(prefix)-\(UInt32.random(in: 0...UInt32.max))")
    }
}
