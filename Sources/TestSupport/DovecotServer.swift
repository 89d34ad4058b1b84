import Foundation
import IMAPProtocol
import MailModel
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// A private Dovecot on 127.0.0.1 for tests, started through `Tools/dovecot-test-server` on free ports in
/// a temporary folder, with one user, a CA file clients can trust, and a Maildir the test fills directly.
///
/// ```swift
/// let server = try DovecotServer.start()
/// defer { server.stop() }
/// try server.deliver(Array("Subject: hi\r\n\r\nbody\r\n".utf8), to: MailboxName("Café"))
/// // connect to server.host : server.imapsPort with server.caFile, user/password
/// ```
///
/// Servers still running when the test process exits are stopped (by an exit hook, and by a watcher the
/// script starts that notices when the test process is gone).
public final class DovecotServer: Sendable {
    /// How to start a server.
    public struct Options: Sendable {
        /// The account's user name.
        public var user = "test"
        /// The account's password.
        public var password = "test"
        /// Whether to listen for plain IMAP (with STARTTLS).
        public var plainListener = true
        /// Whether to listen for IMAPS (implicit TLS).
        public var tlsListener = true
        /// Make the server certificate expired (for TLS error tests).
        public var expiredCertificate = false
        /// Record every IMAP session (Dovecot rawlog) under `rawlogDirectory`.
        public var rawlog = false
        /// Creates the default options: user `test`, password `test`, both listeners.
        public init() {}
    }

    /// The address to connect to.
    public let host = "127.0.0.1"
    /// The plain IMAP port (STARTTLS offered), nil when disabled.
    public let imapPort: Int?
    /// The IMAPS port, nil when disabled.
    public let imapsPort: Int?
    /// The account's user name.
    public let user: String
    /// The account's password.
    public let password: String
    /// A PEM file with the CA that signed the server certificate (names `localhost` and `127.0.0.1`).
    public let caFile: String
    /// The server's own folder (config, log, certificates, mail).
    public let dataDirectory: String
    /// The user's Maildir (INBOX); folders are `.Name` below it in Maildir++ form.
    public let maildir: String
    /// The Dovecot master process.
    public let pid: Int32
    /// Where session transcripts go when `Options.rawlog` is set.
    public var rawlogDirectory: String { dataDirectory + "/home/\(user)/dovecot.rawlog" }

    private let owner: (uid: uid_t, gid: gid_t)
    private let stopped = Mutex(false)
    private let counter = Atomic<Int>(0)

    private init(ready: [String: String], options: Options) throws {
        func port(_ key: String) -> Int? {
            guard let value = ready[key], value != "off", let colon = value.lastIndex(of: ":") else { return nil }
            return Int(value[value.index(after: colon)...])
        }
        guard let pidText = ready["pid"], let pid = Int32(pidText), let ca = ready["ca"], let maildir = ready["maildir"],
              let data = ready["data"], let ownerText = ready["owner"] else {
            throw DovecotServerError(message: "unexpected READY line from the script: \(ready)")
        }
        let ids = ownerText.split(separator: ":").compactMap { UInt32($0) }
        guard ids.count == 2 else { throw DovecotServerError(message: "bad owner in READY line: \(ownerText)") }
        self.pid = pid
        self.imapPort = port("imap")
        self.imapsPort = port("imaps")
        self.user = options.user
        self.password = options.password
        self.caFile = ca
        self.maildir = maildir
        self.dataDirectory = data
        self.owner = (ids[0], ids[1])
    }

    deinit { stop() }

    /// Starts a server on free loopback ports in a new temporary folder and waits until it greets.
    public static func start(_ options: Options = Options()) throws -> DovecotServer {
        var lastError: Error = DovecotServerError(message: "no attempt made")
        for _ in 0..<5 {  // a chosen free port can be taken by someone else before Dovecot binds it
            let data = try makeTemporaryDirectory()
            let imapPort = options.plainListener ? try FreePort.pick() : 0
            let imapsPort = options.tlsListener ? try FreePort.pick() : 0
            do {
                let ready = try runScript(["start", data, String(imapPort), String(imapsPort)], options: options)
                let server = try DovecotServer(ready: ready, options: options)
                DovecotServerRegistry.shared.add(server)
                return server
            } catch {
                lastError = error
                _ = try? runScript(["stop", data], options: options)
                try? FileManager.default.removeItem(atPath: data)
            }
        }
        throw lastError
    }

    /// One server per name for the whole test process, started on first use (a suite's shared server).
    public static func shared(_ name: String = "default", options: Options = Options()) throws -> DovecotServer {
        try DovecotServerRegistry.shared.named(name) { try start(options) }
    }

    /// Stops the server by its pid (SIGTERM, then SIGKILL after 10 s) and removes its folder unless
    /// `CAIRN_KEEP_TEST_SERVERS` is set. Safe to call more than once.
    public func stop() {
        let already = stopped.withLock { value -> Bool in
            defer { value = true }
            return value
        }
        guard !already else { return }
        ProcessTermination.terminate(pid: pid, grace: 10)
        if ProcessInfo.processInfo.environment["CAIRN_KEEP_TEST_SERVERS"] == nil {
            try? FileManager.default.removeItem(atPath: dataDirectory)
        }
    }

    /// Whether the master process is still running.
    public var isRunning: Bool { ProcessTermination.isAlive(pid) }

    /// The Dovecot log so far (for diagnosing a failed test).
    public func log() -> String {
        (try? String(contentsOfFile: dataDirectory + "/dovecot.log", encoding: .utf8)) ?? ""
    }

    // MARK: - Running the script

    private static var scriptPath: String { Fixtures.packageRoot.appendingPathComponent("Tools/dovecot-test-server").path }

    private static func makeTemporaryDirectory() throws -> String {
        var template = Array("/tmp/cairn-dovecot-XXXXXX".utf8CString)
        guard let result = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else {
            throw DovecotServerError(message: "mkdtemp failed: errno \(errno)")
        }
        return String(cString: result)
    }

    private static func runScript(_ arguments: [String], options: Options) throws -> [String: String] {
        let environment = [
            "DOVECOT_TEST_USER": options.user,
            "DOVECOT_TEST_PASS": options.password,
            "DOVECOT_TEST_CERT": options.expiredCertificate ? "expired" : "valid",
            "DOVECOT_TEST_RAWLOG": options.rawlog ? "1" : "0",
            "DOVECOT_TEST_OWNER_PID": String(getpid()),
        ]
        let result = try Subprocess.run(scriptPath, arguments, environment: environment)
        guard result.status == 0 else {
            throw DovecotServerError(
                message: "dovecot-test-server \(arguments[0]) failed: \(result.standardError)\(result.standardOutput)")
        }
        let line = result.standardOutput.split(separator: "\n").first { $0.hasPrefix("READY ") }
        guard let line else { return [:] }
        var fields: [String: String] = [:]
        for field in line.split(separator: " ").dropFirst() {
            guard let equals = field.firstIndex(of: "=") else { continue }
            fields[String(field[..<equals])] = String(field[field.index(after: equals)...])
        }
        return fields
    }

    // MARK: - Filling the Maildir

    /// A message to put into the Maildir.
    public struct Message: Sendable {
        /// The raw bytes (LF or CRLF line ends).
        public var bytes: [UInt8]
        /// Flags (system flags only: seen, answered, flagged, deleted, draft).
        public var flags: [Flag]
        /// The INTERNALDATE (the file's modification time); now when nil.
        public var internalDate: Timestamp?

        /// A message with its bytes, flags and INTERNALDATE.
        public init(_ bytes: [UInt8], flags: [Flag] = [], internalDate: Timestamp? = nil) {
            self.bytes = bytes
            self.flags = flags
            self.internalDate = internalDate
        }
    }

    /// The Maildir++ folder of a mailbox: the Maildir itself for INBOX, else `.A.B` with each component in
    /// modified UTF-7 (the server's hierarchy separator is ".").
    public func folderPath(_ mailbox: MailboxName) -> String {
        guard mailbox != .inbox else { return maildir }
        let components = mailbox.components.map { String(decoding: ModifiedUTF7.encode(String($0)), as: UTF8.self) }
        return maildir + "/." + components.joined(separator: ".")
    }

    /// Creates a folder (and subscribes nothing; Dovecot lists every folder that exists).
    public func createMailbox(_ mailbox: MailboxName) throws {
        try deliver([Message](), to: mailbox)
    }

    /// Puts one message straight into a folder's `cur/` (created when missing); Dovecot assigns its UID
    /// when it next looks at the folder.
    public func deliver(_ bytes: [UInt8], to mailbox: MailboxName = .inbox, flags: [Flag] = [],
                        internalDate: Timestamp? = nil) throws {
        try deliver([Message(bytes, flags: flags, internalDate: internalDate)], to: mailbox)
    }

    /// Puts many messages straight into a folder's `cur/` (fast bulk fill), in order.
    ///
    /// A new folder is built with its messages out of the server's sight (under the Maildir's `tmp/`) and
    /// moved into place by one rename: a LIST from a concurrent session that saw a half-made folder would
    /// make its `cur/new/tmp` itself and cache it as empty.
    public func deliver(_ messages: some Sequence<Message>, to mailbox: MailboxName = .inbox) throws {
        let folder = folderPath(mailbox)
        if mailbox == .inbox || FileManager.default.fileExists(atPath: folder) {
            try makeFolder(folder, marker: mailbox != .inbox)
            try writeMessages(messages, into: folder)
            return
        }
        let staging = maildir + "/tmp/cairn-folder-\(getpid())-\(counter.add(1, ordering: .relaxed).newValue)"
        try makeFolder(staging, marker: true)
        try writeMessages(messages, into: staging)
        if rename(staging, folder) == 0 { return }
        // The folder appeared meanwhile (another fill): move the messages into it.
        try makeFolder(folder, marker: true)
        for sub in ["/cur", "/new", "/tmp"] {
            for name in (try? FileManager.default.contentsOfDirectory(atPath: staging + sub)) ?? [] {
                guard Glibc.rename(staging + sub + "/" + name, folder + sub + "/" + name) == 0 else {
                    throw DovecotServerError(message: "rename into \(folder): errno \(errno)")
                }
            }
        }
        try? FileManager.default.removeItem(atPath: staging)
    }

    private func makeFolder(_ folder: String, marker: Bool) throws {
        for sub in ["", "/cur", "/new", "/tmp"] {
            try makeOwnedDirectory(folder + sub)
        }
        if marker {
            let file = folder + "/maildirfolder"
            if !FileManager.default.fileExists(atPath: file) {
                try writeOwnedFile(file, bytes: [], mtime: nil)
            }
        }
    }

    private func writeMessages(_ messages: some Sequence<Message>, into folder: String) throws {
        let pidPart = getpid()
        for message in messages {
            let number = counter.add(1, ordering: .relaxed).newValue
            let size = message.bytes.count
            var virtualSize = size
            var previous: UInt8 = 0
            for byte in message.bytes {
                if byte == 10 && previous != 13 { virtualSize += 1 }
                previous = byte
            }
            let flagLetters = Self.maildirFlags(message.flags)
            let now = Int64(Date().timeIntervalSince1970)
            let name = "\(now).M\(number)P\(pidPart).cairn,S=\(size),W=\(virtualSize):2,\(flagLetters)"
            try writeOwnedFile(folder + "/cur/" + name, bytes: message.bytes, mtime: message.internalDate?.rawValue)
        }
    }

    private static func maildirFlags(_ flags: [Flag]) -> String {
        var letters: [Character] = []
        if flags.contains(.draft) { letters.append("D") }
        if flags.contains(.flagged) { letters.append("F") }
        if flags.contains(.answered) { letters.append("R") }
        if flags.contains(.seen) { letters.append("S") }
        if flags.contains(.deleted) { letters.append("T") }
        return String(letters)
    }

    private func makeOwnedDirectory(_ path: String) throws {
        if mkdir(path, 0o755) != 0 && errno != EEXIST {
            throw DovecotServerError(message: "mkdir \(path): errno \(errno)")
        }
        _ = chown(path, owner.uid, owner.gid)
    }

    private func writeOwnedFile(_ path: String, bytes: [UInt8], mtime: Int64?) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { throw DovecotServerError(message: "open \(path): errno \(errno)") }
        defer { close(fd) }
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + offset, bytes.count - offset) }
            guard written > 0 else { throw DovecotServerError(message: "write \(path): errno \(errno)") }
            offset += written
        }
        _ = fchown(fd, owner.uid, owner.gid)
        if let mtime {
            var times = [timespec(tv_sec: Int(mtime), tv_nsec: 0), timespec(tv_sec: Int(mtime), tv_nsec: 0)]
            _ = futimens(fd, &times)
        }
    }
}

/// A failure to start, stop or fill the test server.
public struct DovecotServerError: Error, CustomStringConvertible {
    /// What went wrong.
    public var message: String
    /// An error with a message.
    public init(message: String) { self.message = message }
    /// The message.
    public var description: String { "DovecotServer: \(message)" }
}
