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
        try await Blocking.run {
            var options = DovecotServer.Options()
            options.rawlog = ProcessInfo.processInfo.environment["CAIRN_IMAP_RAWLOG"] == "1"  // for debugging
            return try DovecotServer.shared("IMAPClientTests", options: options)
        }
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
