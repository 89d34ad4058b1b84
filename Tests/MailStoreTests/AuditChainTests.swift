import MailModel
import MailStore
import Testing

@Suite struct AuditChainTests {
    /// An archive with a few entries of several kinds, closed so that its file can be changed.
    private func filledArchive(_ temp: TemporaryFolder) throws -> (anchor: AuditAnchor, path: String) {
        let store = try MailStore.open(at: temp.archive)
        try store.write { tx throws in
            try tx.insert(SyntheticMail(), .imap(1))
            try tx.appendAudit(.export(query: "from:ann", count: 1, format: "mbox", manifestSHA256: SHA256.hash([1, 2, 3])))
            try tx.placeHold(name: "case-1", query: "from:ann", reason: "litigation")
            try tx.setRetention(.all, keep: RetentionPeriod("7y")!)
        }
        let anchor = try store.read { try $0.auditAnchor() }
        try store.close()
        return (anchor, MailStore.databasePath(in: temp.archive))
    }

    private func verify(_ temp: TemporaryFolder, extending anchor: AuditAnchor? = nil) throws -> AuditVerification {
        let store = try MailStore.open(at: temp.archive, MailStore.Options(access: .readOnly))
        return try store.read { try $0.verifyAuditChain(extending: anchor) }
    }

    @Test func entriesChainAndVerify() throws {
        let temp = try TemporaryFolder()
        let (anchor, _) = try filledArchive(temp)
        let result = try verify(temp, extending: anchor)
        #expect(result.isIntact)
        #expect(result.entries == 5)
        #expect(result.head == anchor)
        let store = try MailStore.open(at: temp.archive, MailStore.Options(access: .readOnly))
        let entries = try store.read { try $0.auditEntries() }
        #expect(entries.map(\.kind) == [.archiveCreated, .messageArchived, .export, .holdPlaced, .retentionChanged])
        for (previous, entry) in zip(entries, entries.dropFirst()) {
            #expect(entry.previousHash == previous.hash)
            #expect(entry.hash == AuditChain.hash(sequence: entry.sequence, time: entry.time, kind: entry.kind,
                                                  payload: entry.payload, previousHash: entry.previousHash))
        }
        let archived = entries[1].payload
        #expect(archived.contains("\"account\":\"work\""))
        #expect(archived.contains("\"uid\":1,\"uidvalidity\":7"))
    }

    @Test func theStoreRefusesToRewriteEntries() throws {
        let temp = try TemporaryFolder()
        let (_, path) = try filledArchive(temp)
        let update = #expect(throws: ExternalSQLite.Failure.self) {
            try ExternalSQLite.run(path, "UPDATE audit SET payload = '{}' WHERE seq = 2")
        }
        let delete = #expect(throws: ExternalSQLite.Failure.self) { try ExternalSQLite.run(path, "DELETE FROM audit WHERE seq = 5") }
        #expect(update?.output.contains("append-only") == true)
        #expect(delete?.output.contains("append-only") == true)
        #expect(try verify(temp).isIntact)
    }

    @Test func aChangedPayloadByteIsNamed() throws {
        let temp = try TemporaryFolder()
        let (_, path) = try filledArchive(temp)
        try ExternalSQLite.run(path, """
            DROP TRIGGER audit_no_update;
            UPDATE audit SET payload = replace(payload, 'from:ann', 'from:anm') WHERE seq = 3
            """)
        let result = try verify(temp)
        #expect(result.problem?.sequence == 3)
        #expect(result.problem?.description.contains("altered") == true)
    }

    @Test func anEntryRewrittenWithItsHashBreaksTheNextLink() throws {
        let temp = try TemporaryFolder()
        let (_, path) = try filledArchive(temp)
        // Rewrite entry 4 and recompute its own hash (as a careful forger would).
        let store = try MailStore.open(at: temp.archive, MailStore.Options(access: .readOnly))
        let entry = try store.read { try $0.auditEntries()[3] }
        try store.close()
        let forged = entry.payload.replacingOccurrences(of: "litigation", with: "routine")
        let hash = AuditChain.hash(sequence: entry.sequence, time: entry.time, kind: entry.kind, payload: forged,
                                   previousHash: entry.previousHash)
        try ExternalSQLite.run(path, """
            DROP TRIGGER audit_no_update;
            UPDATE audit SET payload = '\(forged)', hash = X'\(hash.hex)' WHERE seq = 4
            """)
        let result = try verify(temp)
        #expect(result.problem?.sequence == 5)
        #expect(result.problem?.reason.contains("does not link to entry 4") == true)
    }

    @Test func aDeletedEntryIsNamedAndATruncatedChainFailsItsAnchor() throws {
        let temp = try TemporaryFolder()
        let (_, path) = try filledArchive(temp)
        try ExternalSQLite.run(path, "DROP TRIGGER audit_no_delete;\nDELETE FROM audit WHERE seq = 2")
        #expect(try verify(temp).problem?.sequence == 2)
        let other = try TemporaryFolder()
        let (otherAnchor, otherPath) = try filledArchive(other)
        try ExternalSQLite.run(otherPath, "DROP TRIGGER audit_no_delete;\nDELETE FROM audit WHERE seq = 5")
        #expect(try verify(other).isIntact)  // a truncated tail alone is invisible...
        let result = try verify(other, extending: otherAnchor)  // ...but not to an anchor
        #expect(result.problem?.sequence == otherAnchor.count)
    }

    @Test func anchorsProveExtensionAndRejectAnotherHistory() throws {
        let temp = try TemporaryFolder()
        let (anchor, _) = try filledArchive(temp)
        let store = try MailStore.open(at: temp.archive)
        try store.write { tx throws in try tx.appendAudit(.reindex(messages: 1, reason: "test")) }
        try store.read { reader throws in
            #expect(try reader.verifyAuditChain(extending: anchor).isIntact)
            #expect(try reader.auditAnchor().count == anchor.count + 1)
            let forgedAnchor = AuditAnchor(count: anchor.count, hash: SHA256.hash([9]))
            #expect(try reader.verifyAuditChain(extending: forgedAnchor).problem?.sequence == anchor.count)
        }
        #expect(AuditAnchor(anchor.description) == anchor)
        #expect(AuditAnchor("12:zz") == nil)
    }

    @Test func canonicalPayloadsAreStable() {
        let value = AuditValue.object(["b": .int(-3), "a": .array([.string("q\"\\\n\u{1}é"), .null, .bool(true)])])
        #expect(value.canonicalJSON == #"{"a":["q\"\\\n\u0001é",null,true],"b":-3}"#)
    }

    @Test func everyMessageHasItsArchivedEntry() throws {
        let temp = try TemporaryFolder()
        let (_, path) = try filledArchive(temp)
        let store = try MailStore.open(at: temp.archive, MailStore.Options(access: .readOnly))
        #expect(try store.read { try $0.auditCoverageProblems() }.isEmpty)
        try store.close()
        try ExternalSQLite.run(path, "UPDATE message SET raw_sha256 = zeroblob(32)")
        let reopened = try MailStore.open(at: temp.archive, MailStore.Options(access: .readOnly))
        let problems = try reopened.read { try $0.auditCoverageProblems() }
        #expect(problems.map(\.kind) == [.auditMismatch])
    }
}
