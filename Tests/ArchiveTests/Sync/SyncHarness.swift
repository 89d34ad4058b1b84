import Archive
import Foundation
import IMAPClient
import IMAPProtocol
import Logging
import MailModel
import MailQuery
import MailStore
import NIOCore
import TestSupport

/// One sync test's world: a Dovecot (shared by the suite or private), an account on it limited to the
/// test's own folders (`prefix/...`), a fresh archive folder, and helpers to change the server through
/// IMAP and look into the archive.
final class SyncHarness: Sendable {
    let server: DovecotServer
    let prefix: String
    let home: URL
    let account: AccountConfig
    let port: Int
    private let ownsHome: Bool

    static let passwordVariable = "CAIRN_SYNC_TEST_PASSWORD"
    static let logger = Logger(label: "cairn.test.sync", factory: { _ in SwiftLogNoOpLogHandler() })

    /// A harness on `server`; `port` overrides the IMAPS port (a proxy in front of it); `home` reuses
    /// another harness's archive (it is then removed by that one).
    /// `plain` connects without TLS (to the plain port), so that a proxy can see the traffic.
    init(server: DovecotServer, prefix: String? = nil, port: Int? = nil, wholeAccount: Bool = false,
         home: URL? = nil, plain: Bool = false) throws {
        self.server = server
        self.prefix = prefix ?? "t\(UInt32.random(in: 0...UInt32.max))"
        self.port = port ?? (plain ? server.imapPort! : server.imapsPort!)
        ownsHome = home == nil
        self.home = home ?? URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("cairn-sync-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: self.home, withIntermediateDirectories: true)
        account = AccountConfig(name: "acct", host: server.host, port: self.port, security: plain ? .none : .tls,
                                user: server.user, credential: .passwordEnvironment(SyncHarness.passwordVariable),
                                include: wholeAccount ? [] : [self.prefix + "/*"], caFile: server.caFile,
                                allowInsecure: plain)
    }

    deinit {
        if ownsHome { try? FileManager.default.removeItem(at: home) }
    }

    /// A folder of this test: `prefix/name`.
    func folder(_ name: String) -> MailboxName { MailboxName(prefix + "/" + name) }

    /// Options for tests: the password in a private environment, short timeouts, small checkpoints.
    func options() -> SyncOptions {
        var options = SyncOptions()
        options.environment = [SyncHarness.passwordVariable: server.password]
        options.timeouts.command = .seconds(20)
        options.timeouts.connect = .seconds(10)
        options.timeouts.login = .seconds(20)
        options.initialBackoff = .milliseconds(100)
        options.maxBackoff = .milliseconds(400)
        options.checkpointInterval = 20
        options.fetch.batchSize = 25
        return options
    }

    /// Opens the archive for writing, runs `body` with a syncer, and closes it.
    func withSyncer<T>(options: SyncOptions? = nil, _ body: (MailSyncer) async throws -> T) async throws -> T {
        let archive = try MailArchive.open(home: home, access: .readWrite)
        do {
            let result = try await body(MailSyncer(archive: archive, options: options ?? self.options(),
                                                   logger: SyncHarness.logger))
            try archive.close()
            return result
        } catch {
            try? archive.close()
            throw error
        }
    }

    /// One sync of the test's account.
    func sync(options: SyncOptions? = nil, events: @escaping @Sendable (SyncEvent) -> Void = { _ in }) async throws -> SyncReport {
        try await withSyncer(options: options) { syncer in
            try await syncer.sync(SyncRequest(accounts: [account]), events: events)
        }
    }

    /// Reads the archive (read-only).
    func read<T>(_ body: (StoreReader) throws -> T) throws -> T {
        let archive = try MailArchive.open(home: home, access: .readOnly)
        defer { try? archive.close() }
        return try archive.store.read(body)
    }

    /// The number of messages an archive query matches (read-only).
    func count(_ query: String) throws -> Int {
        let archive = try MailArchive.open(home: home, access: .readOnly)
        defer { try? archive.close() }
        let parsed = try SearchQuery.parse(query, now: Timestamp(secondsSince1970: Int64(Date().timeIntervalSince1970)))
        return try archive.makeSearcher().count(parsed)
    }

    // MARK: - The server side

    /// The IMAP configuration of the account (straight to Dovecot, not through a proxy).
    var imapConfiguration: IMAPConfiguration {
        var configuration = IMAPConfiguration(host: server.host, port: server.imapsPort, security: .implicitTLS,
                                              credentials: .password(user: server.user, password: server.password))
        configuration.tls.trust = .caFile(server.caFile)
        configuration.timeouts.command = .seconds(20)
        return configuration
    }

    /// Runs `body` on a client connection to the server (to change mailboxes as a mail client would).
    func onServer<T: Sendable>(_ body: (IMAPConnection) async throws -> T) async throws -> T {
        try await IMAPClient.withConnection(imapConfiguration, logger: SyncHarness.logger) { connection in
            try await body(connection)
        }
    }

    /// Puts messages into a folder's Maildir (the server assigns UIDs when it next looks).
    func deliver(_ messages: [TestMessage], to folder: MailboxName) throws {
        try server.deliver(messages.map { DovecotServer.Message($0.bytes, flags: $0.flags, internalDate: $0.internalDate) },
                           to: folder)
    }
}

/// A generated test message: bytes (some with LF line ends, some CRLF), flags and INTERNALDATE.
struct TestMessage: Sendable {
    var bytes: [UInt8]
    var flags: [Flag]
    var internalDate: Timestamp

    /// The message's bytes as IMAP serves them (every bare LF made CRLF): what the archive keeps.
    var servedBytes: [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 40)
        var previous: UInt8 = 0
        for byte in bytes {
            if byte == 10 && previous != 13 { out.append(13) }
            out.append(byte)
            previous = byte
        }
        return out
    }

    /// The archive id.
    var id: MessageID { MessageID.of(servedBytes) }

    /// A message numbered `number` of a test, different for every (tag, number).
    static func make(_ tag: String, _ number: Int, size: Int = 600, lineEnd: String? = nil) -> TestMessage {
        let end = lineEnd ?? (number % 3 == 0 ? "\n" : "\r\n")
        let subjects = ["Quarterly report", "Réunion de lundi", "Entwürfe für Projekt", "見積もりの件", "Lunch?"]
        let subject = subjects[number % subjects.count]
        var text = "From: Ann Example <ann\(number % 7)@example.org>\(end)"
            + "To: Robin <robin@home.example>\(end)"
            + "Subject: =?utf-8?B?\(Data("\(subject) \(tag) #\(number)".utf8).base64EncodedString())?=\(end)"
            + "Date: Mon, \(1 + number % 28) Jan 2024 10:\(10 + number % 50):00 +0100\(end)"
            + "Message-ID: <\(tag).\(number)@test.example>\(end)"
            + "MIME-Version: 1.0\(end)Content-Type: text/plain; charset=utf-8\(end)\(end)"
        var line = 0
        while text.utf8.count < size {
            text += "Line \(line) of message \(number) in \(tag): budget xylophone \(number * 7919 % 1000)\(end)"
            line += 1
        }
        let flags: [Flag] = number % 4 == 0 ? [] : number % 4 == 1 ? [.seen] : number % 4 == 2 ? [.seen, .flagged] : [.answered]
        let date = Timestamp(secondsSince1970: 1_700_000_000 + Int64(number) * 3_600)
        return TestMessage(bytes: Array(text.utf8), flags: flags, internalDate: date)
    }
}
