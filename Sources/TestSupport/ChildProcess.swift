import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A program started with posix_spawn, its output going to temporary files, that a test can signal,
/// poll and wait for by its pid.
///
/// Foundation's `Process` is not used: from test threads it passed on a blocked signal mask (a daemon
/// started that way ignored SIGTERM) and its `waitUntilExit` could miss the child's exit. Here the child
/// gets an empty signal mask and default handlers, and is reaped with `waitpid`.
///
/// ```swift
/// let child = try ChildProcess(path, ["sync", "--watch"], environment: ["PASSWORD": "..."])
/// child.signal(SIGTERM)
/// let status = await child.wait()          // 0, or 128 + a signal's number
/// ```
public final class ChildProcess: @unchecked Sendable {
    // Safe: `status` is only touched with `lock` held; the output files are only read (pread) after init.
    /// The child's pid.
    public let pid: pid_t
    private let outFile: TemporaryFile
    private let errFile: TemporaryFile
    private let lock = NSLock()
    private var status: Int32?

    /// Starts `path` with `arguments`, the current environment plus `environment`, and /dev/null as input.
    public init(_ path: String, _ arguments: [String], environment: [String: String] = [:]) throws {
        outFile = try TemporaryFile()
        errFile = try TemporaryFile()
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, outFile.fd, 1)
        posix_spawn_file_actions_adddup2(&actions, errFile.fd, 2)
        SpawnActions.closeInheritedDescriptors(&actions)

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
        self.pid = pid
    }

    deinit {
        if poll() == nil {
            kill(pid, SIGKILL)
            _ = waitBlocking()
        }
    }

    /// Sends a signal.
    public func signal(_ number: Int32) {
        kill(pid, number)
    }

    /// The exit status once the child has ended (reaping it): the exit code, or 128 + the signal's
    /// number; nil while it runs.
    public func poll() -> Int32? {
        lock.lock()
        defer { lock.unlock() }
        if let status { return status }
        var raw: Int32 = 0
        let result = waitpid(pid, &raw, WNOHANG)
        guard result == pid else { return result < 0 && errno != EINTR ? -1 : nil }
        status = ChildProcess.exitStatus(raw)
        return status
    }

    /// Whether the child still runs.
    public var isRunning: Bool { poll() == nil }

    /// Waits for the exit, polling so that no thread of the task pool blocks.
    public func wait() async -> Int32 {
        while true {
            if let status = poll() { return status }
            try? await Task.sleep(for: .milliseconds(20))
        }
    }

    /// Waits for the exit, blocking the thread.
    public func waitBlocking() -> Int32 {
        lock.lock()
        defer { lock.unlock() }
        if let status { return status }
        var raw: Int32 = 0
        while waitpid(pid, &raw, 0) < 0 {
            guard errno == EINTR else { return -1 }
        }
        status = ChildProcess.exitStatus(raw)
        return status!
    }

    /// Everything written to standard output so far.
    public var standardOutput: String { outFile.contents() }
    /// Everything written to standard error so far.
    public var standardError: String { errFile.contents() }

    private static func exitStatus(_ raw: Int32) -> Int32 {
        (raw & 0x7F) == 0 ? (raw >> 8) & 0xFF : 128 + (raw & 0x7F)
    }
}
