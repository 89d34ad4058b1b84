import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A scripted IMAP server on 127.0.0.1 that serves one folder (INBOX) of real messages and misbehaves
/// in one chosen way (``Scenario``). Everything it does is bounded: at most ``maxConnections``
/// connections, each for at most ``connectionLifetime``, and a bounded number of bytes per response.
///
/// ```swift
/// let server = try HostileIMAPServer.start(.endlessLine, messages: [bytes1, bytes2])
/// defer { server.stop() }
/// // cairn account add x --host 127.0.0.1 --port \(server.port) --security none --allow-insecure ...
/// ```
public final class HostileIMAPServer: @unchecked Sendable {
    // Safe: `connections`, `commands` and `selects` are touched only with `lock` held; the listening
    // socket is closed once, in `stop`.

    /// The ways the server misbehaves.
    public enum Scenario: Sendable, Hashable, CustomStringConvertible {
        /// No misbehaviour: a plain, correct server.
        case wellBehaved
        /// A body literal longer than IMAP can carry ({99999999999}).
        case oversizedLiteral
        /// A mailbox name sent as a 4 MiB literal in a LIST reply (a string kept in memory, not a body).
        case oversizedNameLiteral
        /// A body literal announced as 2 GB; 48 MiB of it are sent, then the connection closes.
        case hugeLiteralThenClose
        /// A response line that never ends (64 MiB without a CRLF) after SELECT.
        case endlessLine
        /// A FETCH response with 100,000 nested parentheses.
        case deepNesting
        /// A body FETCH response carrying this text as its UID (0, out of range, not asked for, not a number).
        case bogusUID(String)
        /// A different UIDVALIDITY at each SELECT, EXAMINE and STATUS.
        case uidValidityFlapping
        /// Each body is answered twice under the same UID, the second time with other bytes.
        case duplicateUIDs
        /// Untagged FETCH responses with bodies nobody asked for, and a tagged reply to a tag never sent.
        case unsolicited

        public var description: String {
            switch self {
            case .wellBehaved: return "well behaved"
            case .oversizedLiteral: return "oversized literal"
            case .oversizedNameLiteral: return "oversized mailbox-name literal"
            case .hugeLiteralThenClose: return "huge literal then close"
            case .endlessLine: return "endless line"
            case .deepNesting: return "deep nesting"
            case .bogusUID(let uid): return "bogus UID \(uid)"
            case .uidValidityFlapping: return "UIDVALIDITY flapping"
            case .duplicateUIDs: return "duplicate UIDs"
            case .unsolicited: return "unsolicited responses"
            }
        }
    }

    /// The most connections served; later ones are closed at once.
    public static let maxConnections = 40
    /// The longest a connection is served.
    public static let connectionLifetime: Double = 30

    /// The port it listens on (127.0.0.1).
    public let port: Int
    /// The scenario.
    public let scenario: Scenario
    /// The messages of INBOX, UID 1, 2, ... in order.
    public let messages: [[UInt8]]
    /// The bytes of every message the server sent that is not in ``messages`` (so a test can check
    /// that none of them was archived).
    public let forgedMessages: [[UInt8]]

    private let listener: Int32
    private let lock = NSLock()
    private var connections = 0
    private var commands: [String] = []
    private var selects = 0
    private var stopped = false

    private init(port: Int, listener: Int32, scenario: Scenario, messages: [[UInt8]]) {
        self.port = port
        self.listener = listener
        self.scenario = scenario
        self.messages = messages
        forgedMessages = [HostileIMAPServer.forged("duplicate"), HostileIMAPServer.forged("unsolicited")]
    }

    /// A message the server makes up.
    static func forged(_ kind: String) -> [UInt8] {
        Array("From: Mallory <mallory@evil.example>\r\nSubject: forged \(kind)\r\nMessage-ID: <forged.\(kind)@evil.example>\r\n\r\nNot a real message (\(kind)).\r\n".utf8)
    }

    /// Starts a server on a free loopback port.
    public static func start(_ scenario: Scenario, messages: [[UInt8]]) throws -> HostileIMAPServer {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw DovecotServerError(message: "socket: errno \(errno)") }
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer -> Bool in
                bind(fd, pointer, length) == 0 && listen(fd, 16) == 0 && getsockname(fd, pointer, &length) == 0
            }
        }
        guard bound else {
            close(fd)
            throw DovecotServerError(message: "hostile server: cannot listen on 127.0.0.1")
        }
        let server = HostileIMAPServer(port: Int(UInt16(bigEndian: address.sin_port)), listener: fd,
                                       scenario: scenario, messages: messages)
        Thread.detachNewThread { server.acceptLoop() }
        return server
    }

    /// Stops listening; connections still served end within their lifetime.
    public func stop() {
        lock.lock()
        let first = !stopped
        stopped = true
        lock.unlock()
        if first {
            shutdown(listener, Int32(SHUT_RDWR))
            close(listener)
        }
    }

    deinit { stop() }

    /// The commands received so far (tag and name only, never arguments), for failure messages.
    public var commandLog: [String] {
        lock.lock()
        defer { lock.unlock() }
        return commands
    }

    private func acceptLoop() {
        while true {
            let client = accept(listener, nil, nil)
            guard client >= 0 else {
                if errno == EINTR { continue }
                return
            }
            lock.lock()
            connections += 1
            let allowed = connections <= HostileIMAPServer.maxConnections && !stopped
            lock.unlock()
            guard allowed else {
                close(client)
                continue
            }
            Thread.detachNewThread { [self] in
                let session = HostileIMAPSession(fd: client, server: self,
                                                 deadline: Date().addingTimeInterval(HostileIMAPServer.connectionLifetime))
                session.run()
                shutdown(client, Int32(SHUT_RDWR))
                close(client)
            }
        }
    }

    func record(_ command: String) {
        lock.lock()
        if commands.count < 10_000 { commands.append(command) }
        lock.unlock()
    }

    /// The UIDVALIDITY to announce now.
    func nextUIDValidity() -> Int {
        guard case .uidValidityFlapping = scenario else { return 1_700_000_000 }
        lock.lock()
        defer { lock.unlock() }
        selects += 1
        return 1_700_000_000 + selects
    }
}
