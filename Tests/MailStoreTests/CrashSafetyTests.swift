import Foundation
import MailModel
import MailStore
import Testing

/// A writer process killed with SIGKILL in the middle of big write transactions leaves a consistent
/// archive: whole batches or nothing, checkpoints matching their messages, every message verifying,
/// the audit chain intact.
///
/// The writer is this test binary itself, run again with `CAIRN_STORE_CRASH_HELPER` set so that only
/// `crashHelperWritesUntilKilled` runs in it.
@Suite struct CrashSafetyTests {
    static let helperVariable = "CAIRN_STORE_CRASH_HELPER"
    static let batchSize = 150

    /// The message with this UID: text, plus one large random message per batch.
    static func message(uid: UInt32) -> (bytes: [UInt8], metadata: MessageMetadata) {
        var random = PseudoRandomBytes(seed: UInt64(uid))
        var mail = SyntheticMail()
        mail.messageID = "<crash\(uid)@example.org>"
        mail.subject = "Batch message \(uid)"
        let body = uid % UInt32(batchSize) == 75 ? random.next(6 << 20) : random.text(8_000 + Int(uid % 5000))
        return (Array(mail.bytes.dropLast(mail.body.utf8.count)) + body, mail.metadata)
    }

    @Test(.enabled(if: ProcessInfo.processInfo.environment[helperVariable] != nil,
                   "runs only as the child process of killedWritersLeaveAConsistentArchive"))
    func crashHelperWritesUntilKilled() throws {
        let environment = ProcessInfo.processInfo.environment
        let folder = URL(fileURLWithPath: environment[Self.helperVariable]!)
        let progress = folder.deletingLastPathComponent().appendingPathComponent("progress")
        let store = try MailStore.open(at: folder)
        var uid = try store.read { try $0.folderState(account: "work", folder: .inbox)?.uidNext?.rawValue } ?? 1
        for batch in 0..<1000 {
            try store.write { tx throws in
                for offset in 0..<UInt32(Self.batchSize) {
                    let (bytes, metadata) = Self.message(uid: uid + offset)
                    _ = try tx.insertMessage(bytes: bytes, metadata: metadata, sighting: .imap(uid + offset))
                    if offset == 10 { try Data("begin \(batch)\n".utf8).write(to: progress) }
                }
                try tx.setFolderState(FolderState(account: "work", folder: .inbox, uidValidity: UIDValidity(7),
                                                  uidNext: UID(uid + UInt32(Self.batchSize))))
            }
            try Data("commit \(batch)\n".utf8).write(to: progress)
            uid += UInt32(Self.batchSize)
        }
    }

    @Test func killedWritersLeaveAConsistentArchive() throws {
        let temp = try TemporaryFolder()
        let progress = temp.url.appendingPathComponent("progress")
        let executable = try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")
        var killedMidTransaction = 0
        var generator = SystemRandomNumberGenerator()
        for round in 0..<3 {
            try? FileManager.default.removeItem(at: progress)
            let child = Process()
            child.executableURL = URL(fileURLWithPath: executable)
            child.arguments = ["--testing-library", "swift-testing", "--filter", "crashHelperWritesUntilKilled"]
            var environment = ProcessInfo.processInfo.environment
            environment[Self.helperVariable] = temp.archive.path
            child.environment = environment
            child.standardOutput = FileHandle.nullDevice
            child.standardError = FileHandle.nullDevice
            try child.run()
            // Wait until the child is inside its n-th write transaction (bounded), then kill it a moment later.
            let target = Int.random(in: 1...3, using: &generator)
            let deadline = Date().addingTimeInterval(120)
            while Self.startedBatch(progress) < target, Date() < deadline, child.isRunning {
                usleep(5_000)
            }
            usleep(UInt32.random(in: 0...250_000, using: &generator))
            kill(child.processIdentifier, SIGKILL)
            child.waitUntilExit()
            #expect(child.terminationReason == .uncaughtSignal, "round \(round): the helper ended on its own")
            let marker = (try? String(contentsOf: progress, encoding: .utf8)) ?? ""
            if marker.hasPrefix("begin") { killedMidTransaction += 1 }
            try checkConsistency(temp.archive, round: round)
        }
        #expect(killedMidTransaction > 0)
    }

    /// The batch number in the progress file's "begin N" or "commit N" (-1 when there is none yet).
    private static func startedBatch(_ progress: URL) -> Int {
        guard let text = try? String(contentsOf: progress, encoding: .utf8) else { return -1 }
        return Int(text.split(whereSeparator: \.isWhitespace).last ?? "") ?? -1
    }

    private func checkConsistency(_ folder: URL, round: Int) throws {
        let store = try MailStore.open(at: folder)
        #expect(try store.checkDatabaseIntegrity().isEmpty, "round \(round)")
        try store.read { reader throws in
            let count = try reader.messageCount()
            let uidNext = try reader.folderState(account: "work", folder: .inbox)?.uidNext?.rawValue ?? 1
            #expect(count % Self.batchSize == 0, "round \(round): \(count) messages is not whole batches")
            #expect(count == Int(uidNext) - 1, "round \(round): checkpoint \(uidNext) does not match \(count) messages")
            #expect(try reader.uids(account: "work", folder: .inbox, uidValidity: UIDValidity(7)).count == count)
            #expect(try reader.verifyAuditChain().isIntact, "round \(round)")
            #expect(try reader.auditCoverageProblems().isEmpty, "round \(round)")
        }
        let verification = try store.verifyMessages()
        #expect(verification.isIntact, "round \(round): \(verification.problems)")
        try store.close()
    }
}
