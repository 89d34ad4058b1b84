import MailModel
import MailStore
import Testing

@Suite struct VerificationTests {
    private func archive(_ temp: TemporaryFolder, level: Int32, count: Int = 40) throws -> [InsertOutcome] {
        var options = MailStore.Options()
        options.compressionLevel = level
        options.chunkSize = 64 * 1024
        let store = try MailStore.open(at: temp.archive, options)
        var random = PseudoRandomBytes(seed: 7)
        let outcomes = try store.write { tx throws in
            try (0..<count).map { index in
                var mail = SyntheticMail()
                mail.messageID = "<v\(index)@example.org>"
                mail.body = String(decoding: random.text(index == 5 ? 300_000 : 2_000 + index), as: UTF8.self)
                return try tx.insert(mail, .imap(UInt32(index + 1)))
            }
        }
        try store.close()
        return outcomes
    }

    private func verify(_ temp: TemporaryFolder) throws -> MessageVerification {
        let store = try MailStore.open(at: temp.archive, MailStore.Options(access: .readOnly))
        return try store.verifyMessages(parallelism: 3)
    }

    @Test(arguments: [Int32(0), 1, 6])
    func anIntactArchiveVerifies(level: Int32) throws {
        let temp = try TemporaryFolder()
        let outcomes = try archive(temp, level: level)
        let result = try verify(temp)
        #expect(result.isIntact)
        #expect(result.messages == outcomes.count)
        #expect(result.bytes == Int64(outcomes.map(\.size).reduce(0, +)))
    }

    @Test func aChangedByteOfAStoredMessageIsNamed() throws {
        let temp = try TemporaryFolder()
        let outcomes = try archive(temp, level: 0)
        let victim = outcomes[5]
        try ExternalSQLite.run(MailStore.databasePath(in: temp.archive), """
            UPDATE message_chunk SET data = substr(data, 1, 99) || X'58' || substr(data, 101)
            WHERE message = \(victim.key) AND seq = 2
            """)
        let result = try verify(temp)
        #expect(result.problems.map(\.message) == [MessageRef(key: victim.key, id: victim.id)])
        #expect(result.problems.first?.kind == .sha256Mismatch)
        #expect(result.problems.first?.description.contains(victim.id.hex) == true)
    }

    @Test func aDamagedCompressedChunkOrAMissingOneIsNamed() throws {
        let temp = try TemporaryFolder()
        let outcomes = try archive(temp, level: 6)
        let path = MailStore.databasePath(in: temp.archive)
        try ExternalSQLite.run(path, """
            UPDATE message_chunk SET data = substr(data, 1, 20) || X'00FF00FF' || substr(data, 25) WHERE message = \(outcomes[5].key) AND seq = 1;
            DELETE FROM message_chunk WHERE message = \(outcomes[9].key)
            """)
        let result = try verify(temp)
        #expect(result.problems.map(\.message.key) == [outcomes[5].key, outcomes[9].key])
        #expect(result.problems.map(\.kind) == [.damaged, .damaged])
        let store = try MailStore.open(at: temp.archive, MailStore.Options(access: .readOnly))
        #expect(throws: CorruptMessageError.self) { try store.read { try $0.rawBytes(of: outcomes[5].key) } }
    }

    @Test func databaseIntegrityCheckPasses() throws {
        let temp = try TemporaryFolder()
        _ = try archive(temp, level: 1, count: 5)
        let store = try MailStore.open(at: temp.archive)
        #expect(try store.checkDatabaseIntegrity().isEmpty)
    }
}
