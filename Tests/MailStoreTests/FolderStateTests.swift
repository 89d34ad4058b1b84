import MailModel
import MailStore
import Testing

@Suite struct FolderStateTests {
    @Test func checkpointsRoundTripAndCommitWithTheirMessages() throws {
        let temp = try TemporaryFolder()
        let store = try MailStore.open(at: temp.archive)
        let state = FolderState(account: "work", folder: MailboxName("Archive/2024"), uidValidity: UIDValidity(7),
                                uidNext: UID(101), highestModSeq: ModSeq(9_000_000_000), delimiter: ".",
                                specialUse: "\\Archive", lastSync: Timestamp(rawValue: 1_700_000_000))
        try store.write { tx throws in
            try tx.insert(SyntheticMail(), .imap(100, folder: "Archive/2024"))
            try tx.setFolderState(state)
        }
        #expect(try store.read { try $0.folderState(account: "work", folder: MailboxName("Archive/2024")) } == state)
        // A batch that fails rolls back its checkpoint with its messages.
        struct Boom: Error {}
        var later = state
        later.uidNext = UID(201)
        #expect(throws: Boom.self) {
            try store.write { tx throws in
                var mail = SyntheticMail()
                mail.messageID = "<later@example.org>"
                try tx.insert(mail, .imap(200, folder: "Archive/2024"))
                try tx.setFolderState(later)
                throw Boom()
            }
        }
        try store.read { reader throws in
            #expect(try reader.folderState(account: "work", folder: MailboxName("Archive/2024"))?.uidNext == UID(101))
            #expect(try reader.messageCount() == 1)
            #expect(try reader.folderStates(account: "work").count == 1)
            #expect(try reader.folderStates(account: "other").isEmpty)
        }
    }

    @Test func uidValidityChangeIsRecordedAndOldSightingsRetired() throws {
        let temp = try TemporaryFolder()
        let store = try MailStore.open(at: temp.archive)
        let inbox = MailboxName.inbox
        let outcome = try store.write { tx throws in
            let outcome = try tx.insert(SyntheticMail(), .imap(5, uidValidity: 7))
            try tx.setFolderState(FolderState(account: "work", folder: inbox, uidValidity: UIDValidity(7), uidNext: UID(6)))
            return outcome
        }
        let update = try store.write { tx throws in
            let update = try tx.setFolderState(FolderState(account: "work", folder: inbox, uidValidity: UIDValidity(8)))
            #expect(try tx.retireSightings(account: "work", folder: inbox, keeping: UIDValidity(8)) == 1)
            // The engine re-associates by content: the same message under its new UID.
            let again = try tx.insert(SyntheticMail(), .imap(1, uidValidity: 8))
            #expect(!again.isNew && again.sighting == .added)
            return update
        }
        #expect(update.replacedUIDValidity == UIDValidity(7))
        try store.read { reader throws in
            #expect(try reader.uidValidityChanges(account: "work", folder: inbox).map(\.new) == [UIDValidity(8)])
            #expect(try reader.uids(account: "work", folder: inbox, uidValidity: UIDValidity(7)).isEmpty)
            #expect(try reader.uids(account: "work", folder: inbox, uidValidity: UIDValidity(8)) == [UID(1)])
            #expect(try reader.summary(of: outcome.key).isExpunged == false)
            #expect(try reader.messageCount() == 1)
            let kinds = try reader.auditEntries().map(\.kind)
            #expect(kinds.contains(.uidValidityChanged))
        }
    }

    @Test func expungeAndFlagChangesAreRecordedAndNothingIsDeleted() throws {
        let temp = try TemporaryFolder()
        let store = try MailStore.open(at: temp.archive)
        let inbox = MailboxName.inbox
        let key = try store.write { tx in try tx.insert(SyntheticMail(), .imap(5)).key }
        try store.write { tx throws in
            #expect(try tx.updateFlags(account: "work", folder: inbox, uidValidity: UIDValidity(7), uid: UID(5),
                                       flags: [.seen, .flagged], modSeq: ModSeq(12)) == key)
            #expect(try tx.updateFlags(account: "work", folder: inbox, uidValidity: UIDValidity(7), uid: UID(5),
                                       flags: [.flagged, .seen]) == nil)
            #expect(try tx.markExpunged(account: "work", folder: inbox, uidValidity: UIDValidity(7), uids: [UID(5), UID(6)]) == [key])
            #expect(try tx.markExpunged(account: "work", folder: inbox, uidValidity: UIDValidity(7), uids: [UID(5)]).isEmpty)
            try tx.markFolderGone(account: "work", folder: inbox)
        }
        try store.read { reader throws in
            let summary = try reader.summary(of: key)
            #expect(summary.isExpunged)
            #expect(summary.flags == [.seen, .flagged])
            #expect(try reader.sightings(of: key).first?.sighting.modSeq == ModSeq(12))
            #expect(try reader.sightings(account: "work", folder: inbox, uidValidity: UIDValidity(7)).isEmpty)
            #expect(try reader.sightings(account: "work", folder: inbox, uidValidity: UIDValidity(7), includingExpunged: true).count == 1)
            #expect(try reader.rawBytes(of: key) == SyntheticMail().bytes)
            let kinds = try reader.auditEntries().map(\.kind)
            #expect(kinds.filter { $0 == .flagsChanged }.count == 1)
            #expect(kinds.filter { $0 == .messageExpunged }.count == 1)
            #expect(try reader.stats().expungedMessages == 1)
        }
    }
}
