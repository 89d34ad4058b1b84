import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A TCP relay on 127.0.0.1 in front of a server, that a test can cut (every connection dropped, new
/// ones refused: the server is gone as far as the client can tell) and bring back on the same port.
final class FaultyLink: @unchecked Sendable {
    // Safe: the mutable state is only touched with `lock` held; relay threads own their sockets.
    private let lock = NSLock()
    private let upstreamPort: Int
    private(set) var port = 0
    private var listener: Int32 = -1
    private var open: Set<Int32> = []

    /// A relay to `127.0.0.1:upstreamPort`, listening on a free port.
    init(upstreamPort: Int) throws {
        self.upstreamPort = upstreamPort
        try listen()
    }

    deinit { cut() }

    /// Drops every connection and stops listening.
    func cut() {
        lock.lock()
        let sockets = open
        let listening = listener
        open = []
        listener = -1
        lock.unlock()
        for socket in sockets { shutdown(socket, Int32(SHUT_RDWR)) }
        if listening >= 0 {
            shutdown(listening, Int32(SHUT_RDWR))
            close(listening)
        }
    }

    /// Listens again on the same port.
    func restore() throws {
        try listen()
    }

    private func listen() throws {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw LinkError(message: "socket: errno \(errno)") }
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = FaultyLink.loopback(port: port)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, Glibc.listen(fd, 64) == 0 else {
            close(fd)
            throw LinkError(message: "bind/listen: errno \(errno)")
        }
        var actual = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &actual) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        lock.lock()
        port = Int(UInt16(bigEndian: actual.sin_port))
        listener = fd
        lock.unlock()
        Thread.detachNewThread { [self] in acceptLoop(fd) }
    }

    private func acceptLoop(_ fd: Int32) {
        while true {
            let client = accept(fd, nil, nil)
            guard client >= 0 else {
                if errno == EINTR { continue }
                return
            }
            let upstream = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            var address = FaultyLink.loopback(port: upstreamPort)
            let connected = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(upstream, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
            lock.lock()
            let alive = listener == fd
            if alive && connected == 0 { open.formUnion([client, upstream]) }
            lock.unlock()
            guard alive, connected == 0 else {
                close(client)
                close(upstream)
                continue
            }
            let pair = Pair()
            Thread.detachNewThread { [self] in pump(from: client, to: upstream, pair: pair) }
            Thread.detachNewThread { [self] in pump(from: upstream, to: client, pair: pair) }
        }
    }

    private func pump(from source: Int32, to target: Int32, pair: Pair) {
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        loop: while true {
            let count = buffer.withUnsafeMutableBytes { recv(source, $0.baseAddress, $0.count, 0) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { break }
            var offset = 0
            while offset < count {
                let sent = buffer.withUnsafeBytes { send(target, $0.baseAddress! + offset, count - offset, Int32(MSG_NOSIGNAL)) }
                if sent < 0 && errno == EINTR { continue }
                guard sent > 0 else { break loop }
                offset += sent
            }
        }
        shutdown(source, Int32(SHUT_RDWR))
        shutdown(target, Int32(SHUT_RDWR))
        guard pair.finishOne() else { return }
        lock.lock()
        open.remove(source)
        open.remove(target)
        lock.unlock()
        close(source)
        close(target)
    }

    /// The two sockets of one relayed connection, closed when both directions are done.
    private final class Pair: @unchecked Sendable {
        // Safe: `done` is only touched with `lock` held.
        private let lock = NSLock()
        private var done = 0
        /// One direction ended; true for the second.
        func finishOne() -> Bool {
            lock.lock()
            defer { lock.unlock() }
            done += 1
            return done == 2
        }
    }

    private static func loopback(port: Int) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        return address
    }

    struct LinkError: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }
}
