import Foundation
import TestSupport
#if canImport(Glibc)
import Glibc
#endif

/// The `cairn` binary run as a child process, as a user runs it: arguments, environment, standard
/// input from bytes, standard output and error captured as bytes; it can be killed mid-run.
final class CairnProcess {
    /// How a run ended.
    struct Result {
        /// The exit status (128 + signal number when killed by a signal).
        var status: Int32
        /// Standard output, as bytes.
        var output: [UInt8]
        /// Standard error.
        var error: String
        /// The most memory the process held at once (resident set), in KiB. Exact only for a run
        /// started with `measuringMemory`: otherwise the kernel counts the test process's own peak
        /// (its memory at the spawn) as the child's.
        var maxResidentKiB: Int = 0
        /// Standard output as text.
        var text: String { String(decoding: output, as: UTF8.self) }
    }

    /// The binary next to the test bundle (the same build), else `.build/debug/cairn`.
    static let binary: String = {
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("cairn").path
        if FileManager.default.isExecutableFile(atPath: beside) { return beside }
        return Fixtures.packageRoot.appendingPathComponent(".build/debug/cairn").path
    }()

    let pid: pid_t
    private let files: URL
    /// The wait status and resource usage, once the process has ended and been reaped.
    private var reaped: (status: Int32, usage: rusage)?

    /// Starts `cairn` with `arguments`; with `measuringMemory`, under GNU time, which forks it from a
    /// small process and reports its own peak memory (signals then reach time, not cairn).
    init(_ arguments: [String], input: [UInt8] = [], environment: [String: String] = [:],
         measuringMemory: Bool = false) throws {
        files = FileManager.default.temporaryDirectory.appendingPathComponent("cairn-cli-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: files, withIntermediateDirectories: true)
        try Data(input).write(to: files.appendingPathComponent("in"))
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, files.appendingPathComponent("in").path, O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, files.appendingPathComponent("out").path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, files.appendingPathComponent("err").path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
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
        var merged = ProcessInfo.processInfo.environment
        merged["CAIRN_HOME"] = nil
        for (key, value) in environment { merged[key] = value }
        let program = measuringMemory ? CairnProcess.time : CairnProcess.binary
        let timed = measuringMemory ? [CairnProcess.time, "--quiet", "-f", "%M", "-o", files.appendingPathComponent("maxrss").path] : []
        let argv = (timed + [CairnProcess.binary] + arguments).map { strdup($0) } + [nil]
        let envp = merged.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for pointer in argv { free(pointer) }
            for pointer in envp { free(pointer) }
        }
        var child: pid_t = 0
        let spawned = posix_spawn(&child, program, &actions, &attributes, argv, envp)
        guard spawned == 0 else { throw CocoaError(.executableLoad) }
        pid = child
    }

    deinit {
        try? FileManager.default.removeItem(at: files)
    }

    /// Sends SIGKILL.
    func kill() {
        _ = Glibc.kill(pid, SIGKILL)
    }

    /// Sends a signal.
    func signal(_ number: Int32) {
        _ = Glibc.kill(pid, number)
    }

    /// Whether the process still runs (it is reaped, without blocking, once it has ended).
    var isRunning: Bool {
        guard reaped == nil else { return false }
        var status: Int32 = 0
        var usage = rusage()
        guard wait4(pid, &status, WNOHANG, &usage) == pid else { return true }
        reaped = (status, usage)
        return false
    }

    /// Waits for the process to end and collects what it wrote.
    func wait() -> Result {
        if reaped == nil {
            var status: Int32 = 0
            var usage = rusage()
            while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
            reaped = (status, usage)
        }
        let (status, usage) = reaped!
        let exit: Int32 = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        let output = (try? Data(contentsOf: files.appendingPathComponent("out"))).map(Array.init) ?? []
        let error = (try? String(contentsOf: files.appendingPathComponent("err"), encoding: .utf8)) ?? ""
        let timed = (try? String(contentsOf: files.appendingPathComponent("maxrss"), encoding: .utf8))
            .flatMap { Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
        return Result(status: exit, output: output, error: error, maxResidentKiB: timed ?? usage.ru_maxrss)
    }

    /// GNU time (Tools/setup installs it), for runs that measure memory.
    static let time = "/usr/bin/time"

    /// Runs `cairn` to its end.
    @discardableResult
    static func run(_ arguments: [String], input: [UInt8] = [], environment: [String: String] = [:],
                    measuringMemory: Bool = false) throws -> Result {
        try CairnProcess(arguments, input: input, environment: environment, measuringMemory: measuringMemory).wait()
    }
}

/// A temporary archive folder (`--home`) for CLI tests, removed afterwards.
final class CLIHome {
    let root: URL
    var path: String { root.appendingPathComponent("home").path }

    init() {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("cairn-cli-test-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(at: root)
    }

    /// Runs `cairn --home HOME arguments...`.
    @discardableResult
    func run(_ arguments: [String], input: [UInt8] = [], environment: [String: String] = [:],
             measuringMemory: Bool = false) throws -> CairnProcess.Result {
        try CairnProcess.run(["--home", path] + arguments, input: input, environment: environment,
                             measuringMemory: measuringMemory)
    }

    /// A file in the test's folder with these bytes.
    func file(_ name: String, _ bytes: [UInt8]) throws -> String {
        let url = root.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: url)
        return url.path
    }
}

/// A small message.
func testMessage(_ subject: String, body: String, from: String = "Ann Smith <ann@example.org>",
                 date: String = "Fri, 01 Mar 2024 09:30:00 +0000") -> [UInt8] {
    Array("From: \(from)\nTo: bob@example.org\nSubject: \(subject)\nDate: \(date)\nMessage-ID: <\(subject.filter(\.isLetter))@t>\n\n\(body)\n".utf8)
}
