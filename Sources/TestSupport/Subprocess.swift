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
        let outFile = try TemporaryFile()
        let errFile = try TemporaryFile()
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, outFile.fd, 1)
        posix_spawn_file_actions_adddup2(&actions, errFile.fd, 2)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var emptyMask = sigset_t()
        sigemptyset(&emptyMask)
        var defaults = sigset_t()
        sigfillset(&defaults)
        sigdelset(&defaults, SIGKILL)
        sigdelset(&defaults, SIGSTOP)
        posix_spawnattr_setsigmask(&attributes, &emptyMask)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        var merged: [String: String] = [:]
        var index = 0
        while let entry = environ[index] {
            let text = String(cString: entry)
            if let equals = text.firstIndex(of: "=") {
                merged[String(text[..<equals])] = String(text[text.index(after: equals)...])
            }
            index += 1
        }
        for (key, value) in environment { merged[key] = value }

        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        let envp = merged.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for pointer in argv { free(pointer) }
            for pointer in envp { free(pointer) }
        }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, path, &actions, &attributes, argv, envp)
        guard spawned == 0 else { throw DovecotServerError(message: "posix_spawn \(path): error \(spawned)") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 {
            guard errno == EINTR else { throw DovecotServerError(message: "waitpid: errno \(errno)") }
        }
        let exitStatus: Int32 = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        return Result(status: exitStatus, standardOutput: outFile.contents(), standardError: errFile.contents())
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
