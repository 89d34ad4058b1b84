import Dispatch
import Foundation
import MailModel
import MailStore
import Testing

@Suite struct WriterLockTests {
    @Test func aSecondWriterWaitsThenFailsWithArchiveLockedError() throws {
        let temp = try TemporaryFolder()
        let first = try MailStore.open(at: temp.archive)
        var options = MailStore.Options()
        options.lockTimeout = .milliseconds(300)
        let clock = ContinuousClock()
        let start = clock.now
        let error = #expect(throws: ArchiveLockedError.self) { try MailStore.open(at: temp.archive, options) }
        let waited = clock.now - start
        #expect(waited >= .milliseconds(300))
        #expect(waited < .seconds(5))
        #expect(error?.holderPID == getpid())
        #expect(error?.description.contains("locked by another writer") == true)
        try first.close()
        let second = try MailStore.open(at: temp.archive, options)
        #expect(second.isWritable)
    }

    @Test func aWaitingWriterGetsTheLockWhenItIsReleased() throws {
        let temp = try TemporaryFolder()
        let first = try MailStore.open(at: temp.archive)
        DispatchQueue.global().asyncAfter(deadline: .now() + 0.2) { try? first.close() }
        var options = MailStore.Options()
        options.lockTimeout = .seconds(10)
        let second = try MailStore.open(at: temp.archive, options)
        try second.write { tx in try tx.insert(SyntheticMail(), .imap(1)) }
    }

    /// With a pool of readers, and with the single connection of a one-reader store.
    @Test(arguments: [4, 1])
    func aReaderIsNeverBlockedAndNeverSeesHalfAWrite(readers: Int) throws {
        let temp = try TemporaryFolder()
        let writer = try MailStore.open(at: temp.archive)
        try writer.write { tx in try tx.insert(SyntheticMail(), .imap(1)) }
        var options = MailStore.Options(access: .readOnly)
        options.maximumReaderCount = readers
        let reader = try MailStore.open(at: temp.archive, options)
        #expect(throws: ReadOnlyArchiveError.self) { try reader.write { tx in try tx.insert(SyntheticMail(), .imap(2)) } }
        let inside = DispatchSemaphore(value: 0)
        let proceed = DispatchSemaphore(value: 0)
        let done = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            try? writer.write { tx throws in
                for index in 2...50 {
                    var mail = SyntheticMail()
                    mail.messageID = "<m\(index)@example.org>"
                    try tx.insert(mail, .imap(UInt32(index)))
                }
                inside.signal()
                proceed.wait()
            }
            done.signal()
        }
        inside.wait()
        // The writer is in the middle of its transaction: the reader reads at once and sees the last commit.
        let clock = ContinuousClock()
        let start = clock.now
        let during = try reader.read { try $0.messageCount() }
        #expect(clock.now - start < .seconds(1))
        #expect(during == 1)
        proceed.signal()
        done.wait()
        #expect(try reader.read { try $0.messageCount() } == 50)
    }
}
