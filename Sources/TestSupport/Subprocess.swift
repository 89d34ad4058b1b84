#if canImport(Glibc)
import Glibc
#endif

/// Runs a program to completion with posix_spawn and collects its output.
///
/// Foundation's `Process` is not used: from test threads it passed on a blocked signal mask (a daemon
/// started that way ignored SIGTERM) and its `waitUntilExit` could miss the child's exit. Here the child
/// gets an empty signal mask and default handlers, and is reaped with `waitpid`.
public enum Subprocess {
    /// The outcome of a run.
    public struct Result: Sendable {
        /// The exit status (128 + signal number when killed by a signal).
        public var status: Int32
        /// Everything written to standard output.
        public var standardOutput: String
        /// Everything written to standard error.
        public var standardError: String
    }

    /// Runs `path` with `arguments` and extra environment variables and waits for it to exit.
    public static func run(_ path: String, _ arguments: [String], environment: [String: String] = [:]) throws -> Result {
        let child = try ChildProcess(path, arguments, environment: environment)
        let status = child.waitBlocking()
        guard status >= 0 else { throw DovecotServerError(message: "waitpid: errno \(errno)") }
        return Result(status: status, standardOutput: child.standardOutput, standardError: child.standardError)
    }
}

/// A file in /tmp that is removed when the value goes away.
final class TemporaryFile {
    let fd: Int32
    private let path: String

    init() throws {
        var template = Array("/tmp/cairn-subprocess-XXXXXX".utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw DovecotServerError(message: "mkstemp: errno \(errno)") }
        self.fd = fd
        self.path = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    deinit {
        close(fd)
        unlink(path)
    }

    /// Everything in the file, as UTF-8 text.
    func contents() -> String {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        var offset: off_t = 0
        while true {
            let count = chunk.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, offset) }
            guard count > 0 else { break }
            bytes.append(contentsOf: chunk[0..<count])
            offset += off_t(count)
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
