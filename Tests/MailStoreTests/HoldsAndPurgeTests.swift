import Foundation
import MailModel
import MailStore
import Testing

@Suite struct HoldsAndPurgeTests {
    private func three(_ store: MailStore) throws -> [InsertOutcome] {
        try store.write { tx throws in
            try (1...3).map { index in
                var mail = SyntheticMail()
                mail.messageID = "<p\(index)@example.org>"
                return try tx.insert(mail, .imap(UInt32(index)))
            }
        }
    }

    @Test func aHoldBlocksPurgeOfWhatItCoversAndNothingIsDeleted() throws {
        let temp = try TemporaryFolder()
        let store = try MailStore.open(at: temp.archive)
        let outcomes = try three(store)
        try store.write { tx throws in
            try tx.placeHold(name: "case-1", query: "from:ann", reason: "litigation")
            #expect(try tx.addToHold(named: "case-1", [outcomes[1].key]) == 1)
            #expect(try tx.addToHold(named: "case-1", [outcomes[1].key]) == 0)
            #expect(throws: HoldExistsError.self) { try tx.placeHold(name: "case-1", query: "x", reason: nil) }
        }
        let error = #expect(throws: MessageUnderHoldError.self) {
            try store.write { tx throws in try tx.purge(outcomes.map(\.key)) }
        }
        #expect(error?.messages == [outcomes[1].id])
        #expect(error?.holds == ["case-1"])
        try store.read { reader throws in
            #expect(try reader.messageCount() == 3)
            #expect(try reader.holds().map(\.messageCount) == [1])
            #expect(try reader.summary(of: outcomes[1].key).holds == ["case-1"])
            #expect(try reader.heldKeys(among: outcomes.map(\.key)) == [outcomes[1].key])
        }
        // Purging only what is not held works, and is recorded with every id.
        let purged = try store.write { tx throws in try tx.purge([outcomes[0].key, outcomes[2].key], reason: "retention") }
        #expect(purged.removed.map(\.id) == [outcomes[0].id, outcomes[2].id])
        try store.read { reader throws in
            #expect(try reader.messageCount() == 1)
            #expect(try reader.sightings(of: outcomes[0].key).isEmpty)
            #expect(throws: MessageNotFoundError.self) { try reader.rawBytes(of: outcomes[0].key) }
            #expect(try reader.pendingIndexRemovals(limit: 10) == [outcomes[0].key, outcomes[2].key])
            let entry = try reader.auditEntries().last!
            #expect(entry.kind == .purge && entry.sequence == purged.auditSequence)
            #expect(entry.payload.contains(outcomes[0].id.hex) && entry.payload.contains(outcomes[2].id.hex))
            #expect(try reader.verifyAuditChain().isIntact)
            #expect(try reader.stats().storedBytes > 0)
        }
        // After release, the message may go.
        try store.write { tx throws in
            let released = try tx.releaseHold(named: "case-1")
            #expect(!released.isActive)
            #expect(throws: HoldNotFoundError.self) { try tx.releaseHold(named: "case-1") }
            try tx.purge([outcomes[1].key])
            try tx.clearIndexRemovals([outcomes[0].key, outcomes[2].key])
        }
        try store.read { reader throws in
            #expect(try reader.messageCount() == 0)
            #expect(try reader.holds().isEmpty)
            #expect(try reader.holds(includingReleased: true).map(\.name) == ["case-1"])
            #expect(try reader.pendingIndexRemovals(limit: 10) == [outcomes[1].key])
        }
    }

    @Test func theSchemaItselfRefusesToDeleteAHeldMessage() throws {
        let temp = try TemporaryFolder()
        let store = try MailStore.open(at: temp.archive)
        let outcomes = try three(store)
        try store.write { tx throws in
            try tx.placeHold(name: "keep", query: "*", reason: nil)
            try tx.addToHold(named: "keep", [outcomes[0].key])
        }
        try store.close()
        let failure = #expect(throws: ExternalSQLite.Failure.self) {
            try ExternalSQLite.run(MailStore.databasePath(in: temp.archive),
                                   "PRAGMA foreign_keys = ON;\nDELETE FROM message WHERE id = \(outcomes[0].key)")
        }
        #expect(failure?.output.contains("message is under a legal hold") == true)
        // Another message, not held, can be deleted that way (the check is specific).
        try ExternalSQLite.run(MailStore.databasePath(in: temp.archive),
                               "PRAGMA foreign_keys = ON;\nDELETE FROM message WHERE id = \(outcomes[1].key)")
    }

    @Test func purgedBytesAreGoneFromTheFilesAfterACheckpoint() throws {
        let temp = try TemporaryFolder()
        var options = MailStore.Options()
        options.compressionLevel = 0
        let store = try MailStore.open(at: temp.archive, options)
        let marker = "PURGE-ME-\(UInt64.random(in: 1...UInt64.max))"
        var mail = SyntheticMail()
        mail.body = String(repeating: marker + "\r\n", count: 50)
        var kept = SyntheticMail()
        kept.messageID = "<kept@example.org>"
        let (doomed, _) = try store.write { tx throws in (try tx.insert(mail, .imap(1)), try tx.insert(kept, .imap(2))) }
        let path = MailStore.databasePath(in: temp.archive)
        func occurrences() throws -> Int {
            var total = 0
            for file in [path, path + "-wal"] where FileManager.default.fileExists(atPath: file) {
                let data = try Data(contentsOf: URL(fileURLWithPath: file))
                total += data.ranges(of: Data(marker.utf8)).count
            }
            return total
        }
        try store.checkpoint()
        #expect(try occurrences() >= 50)
        try store.write { tx throws in try tx.purge([doomed.key]) }
        try store.checkpoint()
        #expect(try occurrences() == 0)
        #expect(try store.read { try $0.messageCount() } == 1)
    }

    @Test func purgedKeysAreNeverReused() throws {
        let temp = try TemporaryFolder()
        let store = try MailStore.open(at: temp.archive)
        let outcomes = try three(store)
        try store.write { tx throws in try tx.purge([outcomes[2].key]) }
        var mail = SyntheticMail()
        mail.messageID = "<new@example.org>"
        let next = try store.write { tx throws in try tx.insert(mail, nil) }
        #expect(next.key > outcomes[2].key)
    }

    @Test func retentionRulesAreStoredAndSelectWhatMayBePurged() throws {
        let temp = try TemporaryFolder()
        let clock = TestClock(1_800_000_000)
        let store = try MailStore.open(at: temp.archive, clock.options())
        let day: Int64 = 86_400
        let outcomes = try store.write { tx throws in
            let places: [(uid: UInt32, folder: String, age: Int64)] = [(1, "INBOX", 400), (2, "Archive/2020", 3000),
                                                                        (3, "Archive/2021", 3000)]
            return try places.map { place in
                var mail = SyntheticMail()
                mail.messageID = "<r\(place.uid)@example.org>"
                var sighting = Sighting.imap(place.uid, folder: place.folder)
                sighting.internalDate = Timestamp(rawValue: 1_800_000_000 - place.age * day)
                return try tx.insert(mail, sighting)
            }
        }
        try store.write { tx throws in
            try tx.setRetention(.all, keep: RetentionPeriod("7y")!)
            try tx.setRetention(.folder("Archive/2021"), keep: RetentionPeriod("10y")!)
            try tx.setRetention(.account("work"), keep: RetentionPeriod("1y")!)
            try tx.setRetention(.account("work"), keep: RetentionPeriod("2y")!)
            try tx.placeHold(name: "h", query: "", reason: nil)
        }
        try store.read { reader throws in
            let rules = try reader.retentionRules()
            #expect(rules.map(\.scope) == [.all, .folder("Archive/2021"), .account("work")])
            #expect(rules.map(\.keep.description) == ["7y", "10y", "2y"])
            // 2: 3000 days old, past 7y and 2y; 3: also under the 10-year folder rule; 1: 400 days.
            #expect(try reader.purgeCandidates(at: clock.now).map(\.key) == [outcomes[1].key])
        }
        try store.write { tx throws in
            try tx.addToHold(named: "h", [outcomes[1].key])
            #expect(try tx.removeRetention(.folder("Archive/2021")))
            #expect(try !tx.removeRetention(.folder("nope")))
        }
        #expect(try store.read { try $0.purgeCandidates(at: clock.now) }.map(\.key) == [outcomes[2].key])
        let kinds = try store.read { try $0.auditEntries().map(\.kind) }
        #expect(kinds.filter { $0 == .retentionChanged }.count == 5)
    }

    @Test(arguments: [("7y", "2023-05-31T12:00:00Z", "2016-05-31T12:00:00Z"), ("1m", "2024-03-31T00:00:00Z", "2024-02-29T00:00:00Z"),
                      ("2w", "2024-03-15T00:00:00Z", "2024-03-01T00:00:00Z"), ("18m", "2024-01-15T00:00:00Z", "2022-07-15T00:00:00Z")])
    func retentionPeriodsCountCalendarSteps(period: String, now: String, cutoff: String) throws {
        func parse(_ text: String) -> Timestamp {
            let d = text.split(whereSeparator: { "-T:Z".contains($0) }).map { Int($0)! }
            return Timestamp(year: d[0], month: d[1], day: d[2], hour: d[3], minute: d[4], second: d[5])!
        }
        let keep = try #require(RetentionPeriod(period))
        #expect(keep.cutoff(at: parse(now)).iso8601 == cutoff)
        #expect(RetentionPeriod("0y") == nil && RetentionPeriod("5x") == nil && RetentionPeriod("y") == nil)
    }

    @Test func savedSearchesRoundTrip() throws {
        let temp = try TemporaryFolder()
        let store = try MailStore.open(at: temp.archive)
        try store.write { tx throws in
            try tx.saveSearch(name: "invoices", query: "subject:invoice has:attachment")
            try tx.saveSearch(name: "boss", query: "from:boss")
            try tx.saveSearch(name: "boss", query: "from:boss@example.org")
        }
        try store.read { reader throws in
            #expect(try reader.savedSearches().map(\.name) == ["boss", "invoices"])
            #expect(try reader.savedSearch(named: "boss")?.query == "from:boss@example.org")
        }
        #expect(try store.write { tx throws in try tx.deleteSavedSearch(named: "boss") })
        #expect(try store.read { try $0.savedSearch(named: "boss") } == nil)
    }
}
