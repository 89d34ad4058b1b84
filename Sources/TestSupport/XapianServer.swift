import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A `xapian-tcpsrv` (Debian's xapian-tools) serving one database on a free loopback port, for
/// the life of the object.
///
/// ```swift
/// let server = try XapianServer(database: home + "/index/year-2024")   // 127.0.0.1:server.port
/// ```
public final class XapianServer {
    /// The port it listens on, on 127.0.0.1.
    public let port: Int
    private let process: Process

    /// Whether `xapian-tcpsrv` is installed.
    public static var isAvailable: Bool { executable != nil }

    private static var executable: String? {
        ["/usr/bin/xapian-tcpsrv", "/usr/local/bin/xapian-tcpsrv"].first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Starts the server and waits (at most 5 s a try, 5 tries on other ports) until it accepts connections.
    public init(database: String) throws {
        guard let executable = XapianServer.executable else { throw ServerError("xapian-tcpsrv is not installed") }
        for _ in 0..<5 {
            let port = try FreePort.pick()
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

    /// The server could not be started.
    public struct ServerError: Error, CustomStringConvertible {
        /// What went wrong.
        public let description: String
        init(_ description: String) { self.description = description }
    }

    private static func loopback(port: Int) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = in_addr_t(UInt32(0x7F00_0001).bigEndian)
        return address
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
