import Foundation
import TestSupport
import Testing

/// `cairn verify` beside a writer: it never blocks the writer and never reports a problem that is
/// only work in flight, whatever point the writer has reached; a writer killed mid-run leaves an
/// archive that verifies. Every assertion holds at any speed; how many verifications overlapped the
/// import is only printed.
@Suite("cairn verify beside a running import")
struct VerifyBesideWriterCommandTests {
    @Test("verify while an import runs, after it is killed, and after it completes: intact every time")
    func besideImport() throws {
        let corpus = try GeneratedCorpus.make(count: 300, seed: 17, folders: 3)
        let home = CLIHome()
        let arguments = ["--home", home.path, "import", "maildir", corpus.directory.path, "--progress", "never"]
        let first = try CairnProcess(arguments)
        var overlapped = 0
        for round in 0..<12 {
            let running = Self.isRunning(first.pid)
            guard FileManager.default.fileExists(atPath: home.path + "/cairn.sqlite") else {
                usleep(50_000)
                continue
            }
            let verify = try home.run(["verify", "--progress", "never"])
            #expect(verify.status == 0, "round \(round): \(verify.text)\(verify.error)")
            guard running else { break }
            overlapped += 1
            if overlapped == 3 { break }   // then kill it, mid-import if it is still at work
        }
        first.kill()
        let killed = first.wait()
        #expect(killed.status == 0 || killed.status == 128 + SIGKILL, "\(killed.error)")
        let afterKill = try home.run(["verify", "--progress", "never"])
        #expect(afterKill.status == 0, "after the import ended (status \(killed.status)): \(afterKill.text)\(afterKill.error)")
        print("verify beside import: \(overlapped) verifications while it ran; it ended with status \(killed.status)")

        let second = try CairnProcess.run(arguments)
        #expect(second.status == 0, "\(second.error)")
        let final = try home.run(["verify", "--format", "json"])
        #expect(final.status == 0, "\(final.text)")
        let object = try JSONSerialization.jsonObject(with: Data(final.output)) as? [String: Any]
        let counts = object?["counts"] as? [String: Any]
        #expect(counts?["messages"] as? Int == corpus.truth.messages.count)
        #expect(counts?["index_documents"] as? Int == corpus.truth.messages.count)
    }

    /// Whether a child is still running (not yet ended), without reaping it: its state in /proc.
    static func isRunning(_ pid: pid_t) -> Bool {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return false }
        let state = stat[stat.index(after: close)...].trimmingCharacters(in: .whitespaces).first
        return state != nil && state != "Z" && state != "X"
    }
}
