import MailModel
import MailStore
import Testing

@Suite struct StoreQueriesTests {
    /// Two accounts, three folders, one message seen twice, one expunged.
    private func sample(_ store: MailStore) throws -> [InsertOutcome] {
        try store.write { tx throws in
            var second = SyntheticMail()
            second.messageID = "<two@example.org>"
            second.subject = "Re: Quarterly report"
            second.inReplyTo = ["<m1@example.org>"]
            second.date = Timestamp(rawValue: 1_600_000_000)
            var metadata = second.metadata
            metadata.sender = [Address(name: "Assistant", address: "pa@example.org")]
            metadata.replyTo = [Address(address: "team@example.org")]
            metadata.bcc = [Address(address: "archive@example.org")]
            metadata.listID = "team.example.org"
            metadata.warnings = ["missing MIME-Version"]
            let first = try tx.insert(SyntheticMail(), .imap(1))
            let other = try tx.insertMessage(bytes: second.bytes, metadata: metadata, sighting: .imap(2))
            try tx.recordSighting(.imap(5, folder: "Sent", account: "home", uidValidity: 3), of: first.key)
            try tx.markExpunged(account: "work", folder: .inbox, uidValidity: UIDValidity(7), uids: [UID(2)])
            return [first, other]
        }
    }

    @Test func statsCountPerAccountAndFolder() throws {
        let temp = try TemporaryFolder()
        let store = try MailStore.open(at: temp.archive)
        let outcomes = try sample(store)
        let stats = try store.read { try $0.stats() }
        #expect(stats.messages == 2)
        #expect(stats.bytes == Int64(outcomes[0].size + outcomes[1].size))
        #expect(stats.sightings == 3)
        #expect(stats.expungedMessages == 1)
        #expect(stats.threads == 1)
        #expect(stats.oldestDate == Timestamp(rawValue: 1_600_000_000))
        #expect(stats.newestDate == SyntheticMail().date)
        #expect(stats.pendingIndex == 2)
        #expect(stats.accounts.map { "\($0.account):\($0.messages):\($0.expunged)" } == ["home:1:0", "work:2:1"])
        #expect(stats.folders.map { "\($0.account)/\($0.folder!.path):\($0.messages)" } == ["home/Sent:1", "work/INBOX:2"])
        #expect(stats.auditEntries == 5)
    }

    @Test func detailsHoldEverythingStored() throws {
        let temp = try TemporaryFolder()
        let store = try MailStore.open(at: temp.archive)
        let outcomes = try sample(store)
        let details = try store.read { try $0.details(of: outcomes[1].key) }
        #expect(details.sender.map(\.address) == ["pa@example.org"])
        #expect(details.replyTo.map(\.address) == ["team@example.org"])
        #expect(details.summary.bcc.map(\.address) == ["archive@example.org"])
        #expect(details.summary.listID == "team.example.org")
        #expect(details.inReplyTo == ["m1@example.org"])
        #expect(details.references.isEmpty)
        #expect(details.warnings == ["missing MIME-Version"])
        #expect(details.summary.isExpunged)
        #expect(details.sightings.map(\.expungedAt).allSatisfy { $0 != nil })
        #expect(details.storedSize > 0)
        #expect(details.summary.thread == outcomes[0].thread)
    }

    @Test func forEachMessageVisitsEveryMessageOnceInKeyOrder() throws {
        let temp = try TemporaryFolder()
        let store = try MailStore.open(at: temp.archive)
        let outcomes = try sample(store)
        var seen: [StoredMessageInfo] = []
        try store.read { reader throws in try reader.forEachMessage { seen.append($0); return true } }
        #expect(seen.map(\.message.key) == outcomes.map(\.key))
        #expect(seen.map(\.rawSHA256) == outcomes.map(\.rawSHA256))
        #expect(seen.map(\.size) == outcomes.map(\.size))
        var stopped = 0
        try store.read { reader throws in try reader.forEachMessage { _ in stopped += 1; return false } }
        #expect(stopped == 1)
    }

    @Test func asyncReadsAndWritesWork() async throws {
        let temp = try TemporaryFolder()
        let store = try MailStore.open(at: temp.archive)
        let outcome = try await store.write { tx in try tx.insert(SyntheticMail(), .imap(1)) }
        let count = try await store.read { reader in try reader.messageCount() }
        #expect(count == 1)
        let summary = try await store.read { reader in try reader.summary(of: outcome.key) }
        #expect(summary.id == outcome.id)
    }
}
