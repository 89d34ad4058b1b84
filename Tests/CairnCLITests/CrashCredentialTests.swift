import Foundation
import Testing
import TestSupport
#if canImport(Glibc)
import Glibc
#endif

/// `cairn sync --watch`, logged in to a real Dovecot with a distinctive password and idling (the
/// password resolved and used), is crashed by a fatal signal with the Swift runtime's backtracer on,
/// in its most revealing setting (the registers with the memory they point at, paths unsanitized) and
/// with core dumps allowed by the shell: the crash report it prints, and the files it leaves in its
/// working folder and archive, hold no trace of the credential.
///
/// How the crash happens: the runtime's handler catches the signal, runs `swift-backtrace` on the
/// live process, then puts the default action back and returns. A signal sent with kill(2) is not a
/// fault that recurs on return, so the process would go on running (that is why waiting for its end
/// hung); the test sends the same signal a second time, once the report is complete, and the default
/// action ends the process as a crash (128 + the signal's number, with a core if one is allowed).
@Suite("A crash while holding a password leaves no credential")
struct CrashCredentialTests {
    /// Letters only, so that no stretch of it can turn up by chance in the numbers and hex digits of
    /// a crash report.
    /// The account's password.
    static let password = String((0..<28).map { _ in "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ".randomElement()! })
    /// A private Dovecot whose user has that password.
    static let server: Result<DovecotServer, any Error> = Result {
        var options = DovecotServer.Options()
        options.password = password
        return try DovecotServer.shared("CairnCLICrash", options: options)
    }
    /// The backtracer at its most revealing: every thread and all registers asked for (Swift 6.3 on Linux
    /// shows the crashed thread, each register with the 16 bytes it points at), paths not sanitized, no
    /// colours, no waiting for a debugger.
    static let backtrace = "enable=yes,interactive=no,color=no,threads=all,registers=all,images=none,sanitize=no,output-to=stderr"
    /// The longest any one step may take (login and first sync, a backtrace on a loaded machine).
    static let stepLimit = Duration.seconds(90)

    /// Where the signal goes.
    enum Target: String, CustomTestStringConvertible, Sendable {
        /// The process (the kernel picks a thread: the main one, waiting in sigsuspend for SIGTERM and SIGINT).
        case process
        /// A SwiftNIO event-loop thread (the one that used most CPU so far, as TLS and the login do; any one
        /// when none shows any yet), now waiting in epoll. Only
        /// SIGSEGV: these threads block SIGABRT, so a SIGABRT sent to one stays pending for ever (a real
        /// abort() unblocks it first, which a signal from outside cannot do).
        case eventLoop
        /// The name in test results.
        var testDescription: String { rawValue }
    }

    @Test("a SIGSEGV or SIGABRT while idling prints a backtrace without the password, and leaves no core or file with it",
          arguments: [(SIGSEGV, Target.eventLoop), (SIGSEGV, Target.process), (SIGABRT, Target.process)])
    func crashLeavesNoCredential(_ signal: Int32, _ target: Target) async throws {
        let server = try Self.server.get()
        let work = CLIHome()   // its root is the working folder (where a core would go), its home the archive
        let added = try work.run(["account", "add", "acct", "--host", server.host, "--port", String(server.imapsPort!),
                                  "--user", server.user, "--ca-file", server.caFile, "--include", "INBOX",
                                  "--password-env", "CAIRN_TEST_SECRET"])
        #expect(added.status == 0, "\(added.error)")
        try server.deliver([DovecotServer.Message(testMessage("quokka", body: "archived before the crash"))], to: .inbox)

        // A shell allows core dumps (as `ulimit -c unlimited` would) in the working folder, then becomes cairn.
        let script = "cd \"$CAIRN_TEST_WORKDIR\" && { ulimit -c unlimited 2>/dev/null || ulimit -c \"$(ulimit -H -c)\"; } && exec \"$@\""
        let process = try ChildProcess("/bin/sh", ["-c", script, "sh", CairnProcess.binary, "--home", work.path,
                                                   "sync", "--watch", "--debug", "--progress", "never"],
                                       environment: ["CAIRN_TEST_SECRET": Self.password,
                                                     "CAIRN_TEST_WORKDIR": work.root.path,
                                                     "SWIFT_BACKTRACE": Self.backtrace])
        defer {
            if process.isRunning {
                process.signal(SIGKILL)
                _ = process.waitBlocking()
            }
        }
        // Idling: the IDLE command went out, so the login with the password is done and the credential
        // sits in the process's memory.
        let idling = try await Self.waitFor(process) { $0.error.split(separator: "\n").contains(where: Self.isIdleLine) }
        try #require(idling, "cairn should reach IDLE: \(process.standardError.suffix(2_000))")

        // Core dumps were allowed; cairn turned them off for itself (a core is its memory, password included).
        let limits = (try? String(contentsOfFile: "/proc/\(process.pid)/limits", encoding: .utf8)) ?? ""
        let coreLimit = limits.split(separator: "\n").first { $0.hasPrefix("Max core file size") }
        #expect(coreLimit?.split(separator: " ", omittingEmptySubsequences: true).dropFirst(4).prefix(2) == ["0", "0"],
                "cairn should run with core dumps off: \(coreLimit ?? "no limits")")

        switch target {
        case .process:
            process.signal(signal)
        case .eventLoop:
            let threads = Self.threads(of: process.pid)
            let loop = try #require(threads.filter { $0.name.hasPrefix("NIO-") }.max { $0.cpuTicks < $1.cpuTicks },
                                    "no event-loop thread in \(threads)")
            #expect(try Self.tgkill(process.pid, loop.id, signal) == 0)
        }
        let reported = try await Self.waitFor(process) { $0.error.contains("Backtrace took") || $0.ended }
        try #require(reported, "no crash report within \(Self.stepLimit): \(process.standardError.suffix(2_000))")
        if process.isRunning {
            // The handler returned (a sent signal does not recur). Once it has put the default action back,
            // the same signal ends the process as a crash; sent earlier, it would meet the handler again.
            let reset = try await Self.waitFor(process) { _ in !Self.catches(process.pid, signal) }
            try #require(reset, "the runtime should put back the default action for \(signal)")
            process.signal(signal)
        }
        let ended = try await Self.waitFor(process) { $0.ended }
        try #require(ended, "cairn should end on the second \(signal)")
        let status = await process.wait()
        #expect(status == 128 + signal, "ended with \(status)")

        let output = process.standardOutput
        let errors = process.standardError
        // The report is really there, with the threads and registers, so the checks below mean something.
        #expect(errors.contains("*** Program crashed"), "\(errors.suffix(2_000))")
        #expect(errors.contains(" crashed:"), "no crashed thread in \(errors.suffix(2_000))")
        #expect(errors.contains("rip 0x"), "no registers in \(errors.suffix(2_000))")
        if target == .eventLoop { #expect(errors.contains("\"NIO-"), "the event loop should be the crashed thread") }
        #expect(errors.contains("IMAP login"), "the log should show the login")

        let secrets = Self.secretForms(user: server.user)
        for (name, form) in secrets + Self.fragments() {
            if errors.contains(form) { Issue.record("standard error holds the \(name)") }
            if output.contains(form) { Issue.record("standard output holds the \(name)") }
        }
        // No core, no crash log, nothing in the archive or the working folder holds it.
        let left = FileManager.default.enumerator(atPath: work.root.path)?.allObjects as? [String] ?? []
        #expect(!left.contains { ($0 as NSString).lastPathComponent.hasPrefix("core") }, "a core file was left: \(left)")
        for relative in left {
            guard let data = FileManager.default.contents(atPath: work.root.path + "/" + relative) else { continue }
            let bytes = [UInt8](data)
            for (name, form) in secrets where CredentialSafetyTests.contains(bytes, Array(form.utf8)) {
                Issue.record("\(relative) holds the \(name)")
            }
        }
        // The scan reads what it should: the archive is there and holds the message synced before the crash.
        #expect(left.contains("home/cairn.sqlite"), "\(left)")
        #expect(!CredentialSafetyTests.filesContaining("quokka", under: work.path).isEmpty)
        let count = try work.run(["count"])
        #expect(count.text.trimmingCharacters(in: .whitespacesAndNewlines) == "1", "\(count.error)")
    }

    /// The whole credential in every form a program sends or logs it: as is, `user:password`, and base64 of
    /// each and of SASL PLAIN (RFC 4616) with and without an authorization identity.
    static func secretForms(user: String) -> [(String, String)] {
        func base64(_ text: String) -> String { Data(text.utf8).base64EncodedString() }
        return [("password", password), ("user:password pair", "\(user):\(password)"),
                ("password in base64", base64(password)), ("pair in base64", base64("\(user):\(password)")),
                ("SASL PLAIN response", base64("\0\(user)\0\(password)")),
                ("SASL PLAIN response with authzid", base64("\(user)\0\(user)\0\(password)"))]
    }

    /// Every 8-byte stretch of the password as a crash report could show it: as text (the character column
    /// of a memory dump), as hex bytes (its byte column), and as a register's value (little-endian, in hex).
    static func fragments() -> [(String, String)] {
        let bytes = Array(password.utf8)
        return (0...(bytes.count - 8)).flatMap { start -> [(String, String)] in
            let window = Array(bytes[start..<start + 8])
            let hex = window.map { String(format: "%02x", $0) }
            return [("password's bytes \(start)..<\(start + 8)", String(decoding: window, as: UTF8.self)),
                    ("password's bytes \(start)..<\(start + 8) in hex", hex.joined(separator: " ")),
                    ("password's bytes \(start)..<\(start + 8) as a register", "0x" + hex.reversed().joined())]
        }
    }

    /// tgkill(2): a signal to one thread of a process. glibc exports it (since 2.30) but its header shows it to
    /// C only with _GNU_SOURCE, so it is looked up by name.
    static func tgkill(_ pid: pid_t, _ thread: pid_t, _ signal: Int32) throws -> Int32 {
        typealias Function = @convention(c) (pid_t, pid_t, Int32) -> Int32
        let symbol = try #require(dlsym(nil, "tgkill"), "glibc has no tgkill")
        return unsafeBitCast(symbol, to: Function.self)(pid, thread, signal)
    }

    /// Whether the process has a handler for `signal` (its SigCgt mask in /proc).
    static func catches(_ pid: pid_t, _ signal: Int32) -> Bool {
        let status = (try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8)) ?? ""
        guard let line = status.split(separator: "\n").first(where: { $0.hasPrefix("SigCgt:") }),
              let mask = UInt64(line.dropFirst("SigCgt:".count).trimmingCharacters(in: .whitespaces), radix: 16) else { return false }
        return mask & (1 << UInt64(signal - 1)) != 0
    }

    /// The threads of a process: id, name and CPU time used (user + system, in clock ticks), from /proc.
    static func threads(of pid: pid_t) -> [(id: pid_t, name: String, cpuTicks: Int)] {
        let tasks = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(pid)/task")) ?? []
        return tasks.compactMap { task in
            guard let id = pid_t(task),
                  let name = try? String(contentsOfFile: "/proc/\(pid)/task/\(task)/comm", encoding: .utf8),
                  let stat = try? String(contentsOfFile: "/proc/\(pid)/task/\(task)/stat", encoding: .utf8),
                  let close = stat.lastIndex(of: ")") else { return nil }
            // After "pid (comm) ": state is field 3, utime 14 and stime 15.
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            let ticks = fields.count > 12 ? (Int(fields[11]) ?? 0) + (Int(fields[12]) ?? 0) : 0
            return (id, name.trimmingCharacters(in: .whitespacesAndNewlines), ticks)
        }
    }

    /// A `--debug` line saying the IDLE command was sent.
    static func isIdleLine(_ line: Substring) -> Bool {
        line.contains("IMAP command") && line.contains(" IDLE")
    }

    /// What the test looks at while it waits.
    struct Seen {
        /// Standard error so far.
        var error: String
        /// Whether the process has ended.
        var ended: Bool
    }

    /// Polls until `condition` holds or ``stepLimit`` passes; whether it held.
    static func waitFor(_ process: ChildProcess, _ condition: (Seen) -> Bool) async throws -> Bool {
        let deadline = ContinuousClock.now + stepLimit
        while ContinuousClock.now < deadline {
            let ended = !process.isRunning
            if condition(Seen(error: process.standardError, ended: ended)) { return true }
            if ended { return false }
            try await Task.sleep(for: .milliseconds(50))
        }
        return false
    }
}
