import Dispatch
import Foundation
import MailModel
import MailStore
import Synchronization
import Testing

@Suite struct MessageStorageTests {
    @Test func sameBytesTwiceAreStoredOnceWithTwoSightings() throws {
        let temp = try TemporaryFolder()
        let store = try MailStore.open(at: temp.archive)
        let mail = SyntheticMail()
        let (first, second) = try store.write { tx throws in
            (try tx.insert(mail, .imap(1)), try tx.insert(mail, .imap(9, folder: "Archive")))
        }
        #expect(first.isNew && !second.isNew)
        #expect(first.key == second.key && first.id == second.id)
        #expect(first.sighting == .added && second.sighting == .added)
        try store.read { reader throws in
            #expect(try reader.messageCount() == 1)
            let sightings = try reader.sightings(of: first.key)
            #expect(sightings.map(\.location) == ["work/Archive", "work/INBOX"])
        }
        let kinds = try store.read { try $0.auditEntries().map(\.kind) }
        #expect(kinds == [.archiveCreated, .messageArchived, .messageSighted])
    }

    @Test func lfAndCRLFFormsAreOneMessageAndTheFirstBytesAreKept() throws {
        let temp = try TemporaryFolder()
        let store = try MailStore.open(at: temp.archive)
        let crlf = SyntheticMail().bytes
        let lf = Array(String(decoding: crlf, as: UTF8.self).replacingOccurrences(of: "\r\n", with: "\n").utf8)
        let maildir = Sighting(source: .maildir, account: "local", folder: .inbox)
        let (a, b) = try store.write { tx throws in
            (try tx.insertMessage(bytes: lf, metadata: SyntheticMail().metadata, sighting: maildir),
             try tx.insertMessage(bytes: crlf, metadata: SyntheticMail().metadata, sighting: .imap(4)))
        }
        #expect(a.key == b.key && !b.isNew)
        #expect(a.rawSHA256 != b.rawSHA256)
        #expect(try store.read { try $0.rawBytes(of: a.key) } == lf)
    }

    @Test func seeingTheSamePlaceAgainUpdatesTheSighting() throws {
        let temp = try TemporaryFolder()
        let clock = TestClock()
        let store = try MailStore.open(at: temp.archive, clock.options())
        let first = try store.write { tx in try tx.insert(SyntheticMail(), .imap(1)) }
        clock.advance(by: 60)
        let again = try store.write { tx in try tx.insert(SyntheticMail(), .imap(1, flags: [.seen])) }
        #expect(again.sighting == .updated)
        let records = try store.read { try $0.sightings(of: first.key) }
        #expect(records.count == 1)
        #expect(records.first?.lastSeen == clock.now)
        #expect(records.first?.firstSeen.rawValue == clock.now.rawValue - 60)
        #expect(records.first?.sighting.flags == [.seen])
        let kinds = try store.read { try $0.auditEntries().map(\.kind) }
        #expect(kinds.last == .flagsChanged)
    }

    @Test func aUIDHoldingAnotherMessageIsAConflictAndChangesNothing() throws {
        let temp = try TemporaryFolder()
        let store = try MailStore.open(at: temp.archive)
        var other = SyntheticMail()
        other.messageID = "<other@example.org>"
        let (first, second) = try store.write { tx in (try tx.insert(SyntheticMail(), .imap(1)), try tx.insert(other, .imap(1))) }
        #expect(second.isNew)
        #expect(second.sighting == .conflict(existing: first.key))
        #expect(try store.read { try $0.sightings(of: second.key) }.isEmpty)
    }

    @Test(arguments: [1, 7, 4096, 1 << 16])
    func binaryBytesRoundTripExactly(chunkSize: Int) throws {
        let temp = try TemporaryFolder()
        let store = try temp.openStore(chunkSize: chunkSize)
        var random = PseudoRandomBytes(seed: UInt64(chunkSize))
        let base64 = Array(Data(random.next(60_000)).base64EncodedString(options: .lineLength76Characters).utf8)
        let bytes = Array(0...255).map(UInt8.init) + [13, 13, 10, 10, 0, 13] + random.next(70_000) + random.text(50_000) + base64
        let outcome = try store.write { tx throws in
            try tx.insertMessage(bytes: bytes, metadata: MessageMetadata(), sighting: nil)
        }
        var chunks: [Int] = []
        var back: [UInt8] = []
        try store.read { reader throws in
            try reader.withRawBytes(of: outcome.key) { chunk in
                chunks.append(chunk.count)
                back.append(contentsOf: chunk)
            }
        }
        #expect(back == bytes)
        #expect(chunks.allSatisfy { $0 <= chunkSize })
        #expect(chunks.count == (bytes.count + chunkSize - 1) / chunkSize)
        var hasher = MessageHasher()
        hasher.update(bytes)
        #expect(outcome.id == hasher.finalize().id)
    }

    @Test func aReaderStreamsManyMessagesInTurnAndOneInsideAnother() throws {
        let temp = try TemporaryFolder()
        let store = try temp.openStore(chunkSize: 4096)
        var random = PseudoRandomBytes(seed: 7)
        // Compressible text of growing sizes, so that the reader's buffer grows between messages.
        let messages = [random.text(3_000), random.text(20_000), random.text(9_000) + random.next(5_000), random.text(50)]
        let keys = try store.write { tx throws in
            try messages.map { try tx.insertMessage(bytes: $0, metadata: MessageMetadata(), sighting: nil).key }
        }
        try store.read { reader throws in
            for (key, bytes) in zip(keys, messages) {
                var back: [UInt8] = []
                try reader.withRawBytes(of: key) { back.append(contentsOf: $0) }
                #expect(back == bytes)
            }
            // Reading the largest message inside the callback of another must not disturb the chunk
            // the outer callback is holding.
            var outer: [UInt8] = []
            var inner: [UInt8] = []
            try reader.withRawBytes(of: keys[0]) { chunk in
                let before = Array(chunk)
                if inner.isEmpty { try reader.withRawBytes(of: keys[1]) { inner.append(contentsOf: $0) } }
                #expect(Array(chunk) == before)
                outer.append(contentsOf: chunk)
            }
            #expect(outer == messages[0])
            #expect(inner == messages[1])
        }
    }

    @Test func preparedMessagesAreStoredLikeAnyOther() throws {
        let temp = try TemporaryFolder()
        let store = try temp.openStore(chunkSize: 40_000)
        var random = PseudoRandomBytes(seed: 3)
        let messages: [[UInt8]] = (0..<16).map { index in
            var mail = SyntheticMail()
            mail.messageID = "<prepared\(index)@example.org>"
            mail.body = String(decoding: random.text(1_000 + index * 9_000), as: UTF8.self)
                + Data(random.next(index * 5_000)).base64EncodedString(options: .lineLength76Characters)
            return mail.bytes
        }
        // Prepared on several threads at once, each with its own preparer.
        let prepared = Mutex<[Int: PreparedMessage]>([:])
        let fixedOptions = store.options
        DispatchQueue.concurrentPerform(iterations: 4) { worker in
            let preparer = MessagePreparer(options: fixedOptions)
            for index in stride(from: worker, to: messages.count, by: 4) {
                let message = preparer.prepare(messages[index])
                prepared.withLock { $0[index] = message }
            }
        }
        let outcomes = try store.write { tx throws in
            try (0..<messages.count).map { index in
                try tx.insertMessage(prepared: prepared.withLock { $0[index]! }, metadata: MessageMetadata(),
                                     sighting: .imap(UInt32(index + 1)))
            }
        }
        let again = try store.write { tx throws in
            try tx.insertMessage(prepared: PreparedMessage(bytes: messages[3], options: store.options), metadata: MessageMetadata(),
                                 sighting: .imap(99))
        }
        #expect(!again.isNew && again.key == outcomes[3].key)
        for (index, outcome) in outcomes.enumerated() {
            #expect(outcome.isNew)
            #expect(try store.read { try $0.rawBytes(of: outcome.key) } == messages[index])
        }
        let stats = try store.read { try $0.stats() }
        #expect(stats.storedBytes < stats.bytes)
        #expect(try store.verifyMessages().isIntact)
    }

    /// Line endings of every kind, cut at every place: the store's digests equal MessageHasher's, and
    /// verification agrees.
    @Test(arguments: [1, 2, 3, 7, 1024])
    func idsOfEveryLineEndingMatchMessageHasher(chunkSize: Int) throws {
        let temp = try TemporaryFolder()
        let store = try temp.openStore(chunkSize: chunkSize)
        var random = PseudoRandomBytes(seed: UInt64(chunkSize))
        let samples: [[UInt8]] = [
            Array("a\nb\r\nc\rd\n\n".utf8), Array("\r\n\r\n".utf8), Array("\n".utf8), Array("x\r".utf8), Array("\r".utf8),
            Array("CRLF only\r\nline two\r\n".utf8), Array("LF only\nline two\n".utf8), Array("\r\r\n\n\r".utf8),
            random.next(3_000).map { [10, 13, 65][Int($0) % 3] },
        ]
        for (index, bytes) in samples.enumerated() {
            var hasher = MessageHasher()
            hasher.update(bytes)
            let expected = hasher.finalize()
            let viaWriter = try store.write { tx throws in
                let writer = try tx.beginMessage()
                var offset = 0
                var step = 1
                while offset < bytes.count {
                    let end = min(bytes.count, offset + step)
                    try writer.append(Array(bytes[offset..<end]))
                    offset = end
                    step = step % 5 + 1
                }
                return try writer.finish(metadata: MessageMetadata(), sighting: .imap(UInt32(index + 1)))
            }
            #expect(viaWriter.id == expected.id && viaWriter.rawSHA256 == expected.rawSHA256, "sample \(index)")
            let viaBytes = try store.write { tx throws in
                try tx.insertMessage(bytes: bytes, metadata: MessageMetadata(), sighting: nil)
            }
            #expect(viaBytes.key == viaWriter.key && !viaBytes.isNew, "sample \(index)")
            let prepared = PreparedMessage(bytes: bytes, options: store.options)
            #expect(prepared.id == expected.id && prepared.rawSHA256 == expected.rawSHA256 && prepared.size == bytes.count)
        }
        #expect(try store.verifyMessages().isIntact)
    }

    @Test func emptyMessageRoundTrips() throws {
        let temp = try TemporaryFolder()
        let store = try MailStore.open(at: temp.archive)
        let outcome = try store.write { tx in try tx.insertMessage(bytes: [], metadata: MessageMetadata(), sighting: nil) }
        #expect(try store.read { try $0.rawBytes(of: outcome.key) } == [])
        #expect(outcome.size == 0)
    }

    @Test func largeMessageStreamsInAndOut() throws {
        let temp = try TemporaryFolder()
        let store = try MailStore.open(at: temp.archive)
        let size = 30 << 20
        var random = PseudoRandomBytes(seed: 42)
        var expected = SHA256()
        let writerOutcome = try store.write { tx throws in
            let writer = try tx.beginMessage()
            var sent = 0
            var step = 1
            while sent < size {
                let piece = random.next(min(size - sent, 333_333 + step))
                expected.update(piece)
                try writer.append(piece)
                sent += piece.count
                step += 1
            }
            return try writer.finish(metadata: MessageMetadata(subject: "big"), sighting: .imap(1))
        }
        #expect(writerOutcome.size == size)
        #expect(writerOutcome.rawSHA256 == expected.finalize())
        var back = SHA256()
        var largest = 0
        var total = 0
        try store.read { reader throws in
            try reader.withRawBytes(of: writerOutcome.key) { chunk in
                back.update(chunk)
                largest = max(largest, chunk.count)
                total += chunk.count
            }
        }
        #expect(total == size)
        #expect(largest <= store.options.chunkSize)
        #expect(back.finalize() == writerOutcome.rawSHA256)
    }

    @Test func fileSourceWithDeclaredDigestsSkipsReadingAnArchivedMessage() throws {
        let temp = try TemporaryFolder()
        let store = try MailStore.open(at: temp.archive)
        let bytes = SyntheticMail().bytes
        let path = temp.url.appendingPathComponent("message.eml").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        var hasher = MessageHasher()
        hasher.update(bytes)
        let digests = hasher.finalize()
        let first = try store.write { tx throws in
            var source = try FileByteSource(path: path)
            return try tx.insertMessage(from: &source, digests: digests, metadata: SyntheticMail().metadata,
                                        sighting: Sighting(source: .eml, account: "local", folder: .inbox))
        }
        #expect(first.isNew && first.id == digests.id)
        // The second source would fail if read: the file is gone.
        try FileManager.default.removeItem(atPath: path)
        let second = try store.write { tx throws in
            var source = InMemoryByteSource([])
            return try tx.insertMessage(from: &source, digests: digests, metadata: MessageMetadata(),
                                        sighting: .imap(3))
        }
        #expect(!second.isNew && second.key == first.key)
    }

    @Test func wrongDeclaredDigestsStoreNothing() throws {
        let temp = try TemporaryFolder()
        let store = try MailStore.open(at: temp.archive)
        var hasher = MessageHasher()
        hasher.update(Array("something else".utf8))
        let wrong = hasher.finalize()
        try store.write { tx throws in
            var source = InMemoryByteSource(SyntheticMail().bytes)
            #expect(throws: DigestMismatchError.self) {
                try tx.insertMessage(from: &source, digests: wrong, metadata: MessageMetadata(), sighting: .imap(1))
            }
            // The transaction is still usable, and nothing of the failed message is left.
            try tx.insert(SyntheticMail(), .imap(2))
        }
        #expect(try store.read { try $0.messageCount() } == 1)
        #expect(try store.read { try $0.auditEntries().filter { $0.kind == .messageArchived }.count } == 1)
    }

    /// A source that fails after some bytes, like a connection that drops mid-message.
    private struct FailingSource: MessageByteSource {
        struct Dropped: Error {}
        var remaining: Int

        mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
            guard remaining > 0 else { throw Dropped() }
            let count = min(buffer.count, remaining)
            for index in 0..<count { buffer[index] = 65 }
            remaining -= count
            return count
        }
    }

    @Test func aSourceFailingMidMessageStoresNothingOfIt() throws {
        let temp = try TemporaryFolder()
        let store = try temp.openStore(chunkSize: 4096)
        try store.write { tx throws in
            var source = FailingSource(remaining: 50_000)
            #expect(throws: FailingSource.Dropped.self) {
                try tx.insertMessage(from: &source, metadata: MessageMetadata(), sighting: .imap(1))
            }
            try tx.insert(SyntheticMail(), .imap(2))
        }
        let stats = try store.read { try $0.stats() }
        #expect(stats.messages == 1)
        #expect(stats.storedBytes < 4096)
        #expect(try store.checkDatabaseIntegrity().isEmpty)
    }

    @Test func cancelledWriterLeavesNothing() throws {
        let temp = try TemporaryFolder()
        let store = try MailStore.open(at: temp.archive)
        try store.write { tx throws in
            let writer = try tx.beginMessage()
            try writer.append(Array(repeating: 65, count: 3 << 20))
            writer.cancel()
            try tx.insert(SyntheticMail(), .imap(1))
        }
        let stats = try store.read { try $0.stats() }
        #expect(stats.messages == 1)
        #expect(stats.storedBytes < 4096)
    }
}
