import MailModel
import MailStore
import Testing

@Suite struct IndexBookkeepingTests {
    @Test func newMessagesArePendingUntilMarkedAndChangesMakeThemPendingAgain() throws {
        let temp = try TemporaryFolder()
        let store = try MailStore.open(at: temp.archive)
        let outcomes = try store.write { tx throws in
            try (1...5).map { index in
                var mail = SyntheticMail()
                mail.messageID = "<i\(index)@example.org>"
                return try tx.insert(mail, .imap(UInt32(index)))
            }
        }
        let tickets = try store.read { try $0.pendingIndexTickets(limit: 3) }
        #expect(tickets.map(\.key) == Array(outcomes.prefix(3).map(\.key)))
        #expect(try store.read { try $0.pendingIndexTickets(after: tickets.last!.key, limit: 10) }.count == 2)
        // A change between reading a ticket and marking it keeps the message pending.
        try store.write { tx throws in
            try tx.updateFlags(account: "work", folder: .inbox, uidValidity: UIDValidity(7), uid: UID(1), flags: [.seen])
        }
        #expect(try store.write { tx throws in try tx.markIndexed(tickets) } == 2)
        try store.read { reader throws in
            #expect(try reader.pendingIndexTickets(limit: 10).map(\.key) == [outcomes[0].key, outcomes[3].key, outcomes[4].key])
            #expect(try reader.indexedCount() == 2)
        }
        try store.write { tx throws in try tx.markIndexed(try tx.reader.pendingIndexTickets(limit: 10)) }
        #expect(try store.read { try $0.pendingIndexCount() } == 0)
        // Each kind of change the index holds marks the message again.
        try store.write { tx throws in
            try tx.recordSighting(.imap(9, folder: "Archive"), of: outcomes[1].key)
            try tx.markExpunged(account: "work", folder: .inbox, uidValidity: UIDValidity(7), uids: [UID(3)])
            try tx.placeHold(name: "h", query: "q", reason: nil)
            try tx.addToHold(named: "h", [outcomes[4].key])
        }
        #expect(try store.read { try $0.pendingIndexTickets(limit: 10) }.map(\.key) == [outcomes[1].key, outcomes[2].key, outcomes[4].key])
        #expect(try store.write { tx throws in try tx.markAllUnindexed() } == 5)
        #expect(try store.read { try $0.pendingIndexCount() } == 5)
    }
}
