import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A `xapian-tcpsrv` serving one database on a free loopback port, for the life of the object.
final class XapianServer {
    let port: Int
    private let process: Process

    static var isAvailable: Bool { executable != nil }

    private static var executable: String? {
        ["/usr/bin/xapian-tcpsrv", "/usr/local/bin/xapian-tcpsrv"].first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Starts the server and waits (at most 5 s) until it accepts connections.
    init(database: String) throws {
        guard let executable = XapianServer.executable else { throw ServerError("xapian-tcpsrv is not installed") }
        for _ in 0..<5 {
            let port = try XapianServer.freePort()
            let process = Process()
            process.executableURL = URL(fileURLWithPath: executable)
            process.arguments = ["--port", String(port), "--interface", "127.0.0.1", "--quiet", database]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            for _ in 0..<50 where process.isRunning {
                if XapianServer.accepts(port: port) {
                    self.port = port
                    self.process = process
                    return
                }
                usleep(100_000)
            }
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
            process.waitUntilExit()
        }
        throw ServerError("xapian-tcpsrv did not start")
    }

    deinit {
        // SIGKILL: the test process may block SIGTERM in the thread that started the server, and
        // the child inherits that mask.
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    struct ServerError: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }

    private static func loopback(port: Int) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = in_addr_t(UInt32(0x7F00_0001).bigEndian)
        return address
    }

    /// A port the kernel says is free on 127.0.0.1 now.
    private static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw ServerError("socket() failed") }
        defer { close(fd) }
        var address = loopback(port: 0)
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) }
        }
        guard bound == 0 else { throw ServerError("bind() failed") }
        let named = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        guard named == 0 else { throw ServerError("getsockname() failed") }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    private static func accepts(port: Int) -> Bool {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var address = loopback(port: port)
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
            }
        }
    }
}
