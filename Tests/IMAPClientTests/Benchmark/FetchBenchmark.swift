import Foundation
import IMAPClient
import IMAPProtocol
import MailModel
import NIOCore
import Testing
import TestSupport

#if canImport(Glibc)
import Glibc
#endif

/// Fetching every body of a 20,000-message Dovecot mailbox with this client and with mbsync, on the same
/// server in the same run. Build in release and run alone:
///
///     CAIRN_IMAP_BENCH=1 swift test -c release -Xswiftc -enable-testing --filter FetchBenchmark
///
/// `CAIRN_IMAP_BENCH_MESSAGES` changes the count. Prints a table; asserts only that every message arrived.
@Suite("Fetch benchmark", .serialized)
struct FetchBenchmark {
    private static var enabled: Bool { ProcessInfo.processInfo.environment["CAIRN_IMAP_BENCH"] == "1" }

    @Test("client vs mbsync on 20,000 messages", .enabled(if: enabled))
    func benchmark() async throws {
        let count = Int(ProcessInfo.processInfo.environment["CAIRN_IMAP_BENCH_MESSAGES"] ?? "") ?? 20_000
        let server = try await Blocking.run { try DovecotServer.start() }
        defer { server.stop() }
        let fill = ContinuousClock().measure {
            try? server.deliver((0..<count).lazy.map { DovecotServer.Message(benchmarkMessage($0)) }, to: .inbox)
        }
        let totalBytes = (0..<count).reduce(0) { $0 + benchmarkMessage($1).count }
        print("bench: \(count) messages, \(totalBytes / 1_000_000) MB, Maildir filled in \(fill)")

        // Warm Dovecot's index and the page cache once, so every run below sees the same server state.
        _ = try await clientRun(server, compression: false, writeTo: nil)

        var rows: [(String, Duration, Int)] = []
        for round in 1...2 {
            let mbsync = try await Blocking.run { try mbsyncRun(server, fsync: false) }
            rows.append(("mbsync 1.4 (FSync no), round \(round)", mbsync.0, mbsync.1))
            if round == 1 {
                let mbsyncFsync = try await Blocking.run { try mbsyncRun(server, fsync: true) }
                rows.append(("mbsync 1.4 (defaults, FSync yes)", mbsyncFsync.0, mbsyncFsync.1))
            }
            let plain = try await clientRun(server, compression: false, writeTo: nil)
            rows.append(("cairn client, bodies counted, round \(round)", plain.duration, plain.messages))
            let directory = NSTemporaryDirectory() + "cairn-bench-\(getpid())-\(round)"
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            let files = try await clientRun(server, compression: false, writeTo: directory)
            #expect(try writtenBytes(directory) == (count, totalBytes))
            try? FileManager.default.removeItem(atPath: directory)
            rows.append(("cairn client, one file per message, round \(round)", files.duration, files.messages))
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            let overlapped = try await clientRun(server, compression: false, writeTo: directory, overlapped: true)
            #expect(try writtenBytes(directory) == (count, totalBytes))
            try? FileManager.default.removeItem(atPath: directory)
            rows.append(("cairn client, one file per message, writer thread, round \(round)", overlapped.duration, overlapped.messages))
            if round == 1 {
                let compressed = try await clientRun(server, compression: true, writeTo: nil)
                rows.append(("cairn client, COMPRESS=DEFLATE", compressed.duration, compressed.messages))
                print("bench: client RSS during the fetch (MB at 0/25/50/75/100%): \(plain.rss.map { String($0 / 1_048_576) }.joined(separator: " "))")
            }
        }
        for (name, duration, messages) in rows {
            let seconds = Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
            print("bench: \(name): \(String(format: "%.2f", seconds)) s, \(Int(Double(messages) / seconds)) messages/s, "
                + "\(String(format: "%.1f", Double(totalBytes) / 1e6 / seconds)) MB/s")
            #expect(messages == count)
        }
    }
}

/// A deterministic message: mostly 2-12 KB, every 50th 60-200 KB.
func benchmarkMessage(_ index: Int) -> [UInt8] {
    var state = UInt64(index) &* 0x9E37_79B9_7F4A_7C15 &+ 1
    func next() -> UInt64 {
        state ^= state << 13
        state ^= state >> 7
        state ^= state << 17
        return state
    }
    let size = index % 50 == 0 ? 60_000 + Int(next() % 140_000) : 2_000 + Int(next() % 10_000)
    var bytes = Array(("From: sender\(index % 97)@example.com\r\nTo: archive@example.org\r\nSubject: benchmark message \(index)\r\n"
        + "Date: Mon, 1 Jan 2024 00:00:00 +0000\r\nMessage-ID: <bench-\(index)@example.com>\r\n\r\n").utf8)
    bytes.reserveCapacity(size + 80)
    while bytes.count < size {
        let word = next()
        for shift in stride(from: 0, to: 60, by: 6) { bytes.append(UInt8(97 + Int((word >> UInt64(shift)) % 26))) }
        bytes.append(contentsOf: next() % 8 == 0 ? [13, 10] : [32])
    }
    bytes.append(contentsOf: [13, 10])
    return bytes
}

/// The number of files in `directory` and their total size.
private func writtenBytes(_ directory: String) throws -> (Int, Int) {
    let names = try FileManager.default.contentsOfDirectory(atPath: directory)
    let sizes = try names.map { try FileManager.default.attributesOfItem(atPath: directory + "/" + $0)[.size] as? Int ?? 0 }
    return (names.count, sizes.reduce(0, +))
}

private struct ClientResult {
    var duration: Duration
    var messages: Int
    var rss: [Int]
}

private func residentBytes() -> Int {
    guard let text = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
          let line = text.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }) else { return 0 }
    return (Int(line.split(separator: " ").dropFirst().first ?? "0") ?? 0) * 1024
}

/// One full fetch; with `directory` each message goes to a file there, written in the fetch loop or, when
/// `overlapped`, by a ``BackgroundFileWriter`` thread.
private func clientRun(_ server: DovecotServer, compression: Bool, writeTo directory: String?, overlapped: Bool = false) async throws
    -> ClientResult {
    var configuration = IMAPConfiguration(host: server.host, port: server.imapsPort,
                                          credentials: .password(user: server.user, password: server.password))
    configuration.tls.trust = .caFile(server.caFile)
    configuration.compression = compression
    configuration.fetch.batchSize = 500
    configuration.fetch.pipelineDepth = 4
    let clock = ContinuousClock()
    let start = clock.now
    let (messages, rss) = try await IMAPClient.withConnection(configuration, logger: TestServers.logger) { connection in
        let selected = try await connection.select(.inbox, readOnly: true)
        var messages = 0
        var rss = [residentBytes()]
        var fd: Int32 = -1
        let writer = overlapped ? BackgroundFileWriter(limit: 8 * 1024 * 1024) : nil
        for try await event in connection.fetchBodies(UIDSet.all) {
            if let writer, let directory {
                switch event {
                case .begin(let info): await writer.submit(.open("\(directory)/\(info.uid)"))
                case .bytes(let chunk): await writer.submit(.bytes(chunk))
                case .end: await writer.submit(.close)
                }
            }
            switch event {
            case .begin(let info):
                if let directory, writer == nil {
                    fd = open("\(directory)/\(info.uid)", O_WRONLY | O_CREAT | O_TRUNC, 0o600)
                }
            case .bytes(let chunk):
                if fd >= 0 { _ = chunk.withUnsafeReadableBytes { write(fd, $0.baseAddress, $0.count) } }
            case .end:
                if fd >= 0 { close(fd) }
                fd = -1
                messages += 1
                if messages % max(1, selected.exists / 4) == 0 { rss.append(residentBytes()) }
            }
        }
        await writer?.finish()
        return (messages, rss)
    }
    return ClientResult(duration: clock.now - start, messages: messages, rss: rss)
}

private func mbsyncRun(_ server: DovecotServer, fsync: Bool) throws -> (Duration, Int) {
    let base = NSTemporaryDirectory() + "cairn-mbsync-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
    try FileManager.default.createDirectory(atPath: base + "/mail", withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: base) }
    let config = """
        FSync \(fsync ? "yes" : "no")

        IMAPAccount bench
        Host localhost
        Port \(server.imapsPort!)
        User \(server.user)
        Pass \(server.password)
        SSLType IMAPS
        CertificateFile \(server.caFile)

        IMAPStore remote
        Account bench

        MaildirStore local
        Path \(base)/mail/
        Inbox \(base)/mail/INBOX

        Channel bench
        Far :remote:
        Near :local:
        Patterns INBOX
        Sync Pull
        Create Near
        SyncState \(base)/state/

        """
    try FileManager.default.createDirectory(atPath: base + "/state", withIntermediateDirectories: true)
    try config.write(toFile: base + "/mbsyncrc", atomically: true, encoding: .utf8)
    let clock = ContinuousClock()
    let start = clock.now
    let result = try Subprocess.run("/usr/bin/mbsync", ["-q", "-c", base + "/mbsyncrc", "bench"])
    let duration = clock.now - start
    guard result.status == 0 else {
        throw DovecotServerError(message: "mbsync failed: \(result.standardError)")
    }
    let fetched = try FileManager.default.contentsOfDirectory(atPath: base + "/mail/INBOX/cur").count
        + FileManager.default.contentsOfDirectory(atPath: base + "/mail/INBOX/new").count
    return (duration, fetched)
}
