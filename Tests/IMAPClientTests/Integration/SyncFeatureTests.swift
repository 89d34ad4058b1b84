import IMAPClient
import IMAPProtocol
import MailModel
import NIOCore
import Testing
import TestSupport

@Suite("IMAPClient against Dovecot: CONDSTORE, QRESYNC, SEARCH")
struct SyncFeatureTests {
    @Test("CONDSTORE: HIGHESTMODSEQ, MODSEQ per message, CHANGEDSINCE")
    func condStore() async throws {
        let server = try await TestServers.shared()
        let name = TestServers.uniqueMailbox("CondStore")
        try await TestServers.deliver((0..<5).map { DovecotServer.Message(TestServers.message(subject: "c\($0)")) }, to: name, on: server)
        try await IMAPClient.withConnection(TestServers.configuration(server), logger: TestServers.logger) { connection in
            let enabled = try await connection.enable([.condStore])
            #expect(enabled.contains(.condStore))
            let selected = try await connection.select(name)
            let before = try #require(selected.highestModSeq)
            let all = try await connection.fetchSummaries(UIDSet.all)
            #expect(all.messages.map(\.uid) == (1...5).map { UID($0) })
            #expect(all.messages.allSatisfy { $0.modSeq != nil && $0.size != nil && $0.internalDate != nil })
            let stored = try await connection.store(UIDSet([UID(2), UID(4)]), StoreOperation(.add, [.flagged]))
            #expect(stored.map(\.uid) == [UID(2), UID(4)])
            let changed = try await connection.fetchSummaries(UIDSet.all, changedSince: before)
            #expect(changed.messages.map(\.uid) == [UID(2), UID(4)])
            #expect(changed.messages.allSatisfy { $0.flags?.contains(.flagged) == true && ($0.modSeq ?? ModSeq(0)) > before })
        }
    }

    @Test("QRESYNC: SELECT reports what vanished and what changed since a mod-sequence")
    func qresync() async throws {
        let server = try await TestServers.shared()
        let name = TestServers.uniqueMailbox("QResync")
        try await TestServers.deliver((0..<6).map { DovecotServer.Message(TestServers.message(subject: "q\($0)")) }, to: name, on: server)
        let (validity, modSeq) = try await IMAPClient.withConnection(TestServers.configuration(server), logger: TestServers.logger) { connection in
            try await connection.enable([.qresync])
            let selected = try await connection.select(name)
            return (selected.uidValidity, try #require(selected.highestModSeq))
        }
        try await IMAPClient.withConnection(TestServers.configuration(server), logger: TestServers.logger) { connection in
            try await connection.select(name)
            try await connection.store(UIDSet([UID(3)]), StoreOperation(.add, [.deleted], silent: true))
            try await connection.expunge(UIDSet([UID(3)]))
            #expect(connection.selected?.exists == 5, "EXPUNGE lowers the count")
            try await connection.store(UIDSet([UID(5)]), StoreOperation(.add, [.seen], silent: true))
        }
        try await IMAPClient.withConnection(TestServers.configuration(server), logger: TestServers.logger) { connection in
            let enabled = try await connection.enable([.qresync])
            #expect(enabled.contains(.qresync))
            let selected = try await connection.select(name, qresync: .init(uidValidity: validity, modSeq: modSeq,
                                                                            knownUIDs: UIDSet(rawRanges: [1...6])))
            #expect(selected.vanished == UIDSet([UID(3)]))
            #expect(selected.changed.map(\.uid) == [UID(5)])
            #expect(selected.changed.first?.flags?.contains(.seen) == true)
            #expect(selected.exists == 5)
            let changes = try await connection.fetchSummaries(UIDSet.all, changedSince: modSeq, includeVanished: true)
            #expect(changes.vanished == UIDSet([UID(3)]))
            #expect(changes.messages.map(\.uid) == [UID(5)])
            try await connection.store(UIDSet([UID(6)]), StoreOperation(.add, [.deleted], silent: true))
            try await connection.expunge(UIDSet([UID(6)]))
            #expect(connection.selected?.exists == 4, "VANISHED (with QRESYNC) lowers the count")
        }
    }

    @Test("UID SEARCH with a tree of keys, answered through ESEARCH")
    func search() async throws {
        let server = try await TestServers.shared()
        let name = TestServers.uniqueMailbox("Search")
        let day = Timestamp(year: 2024, month: 3, day: 10, hour: 12)!
        try await TestServers.deliver([
            DovecotServer.Message(TestServers.message(subject: "budget plan", body: "numbers xylophone", from: "alice@example.com"),
                                  flags: [.seen], internalDate: day),
            DovecotServer.Message(TestServers.message(subject: "travel", body: "trip", from: "bob@example.com"),
                                  internalDate: Timestamp(rawValue: day.rawValue + 86_400 * 30)),
            DovecotServer.Message(TestServers.message(subject: "Grüße aus Köln", body: String(repeating: "x", count: 5000),
                                                      from: "carol@example.com"), flags: [.flagged]),
        ], to: name, on: server)
        try await IMAPClient.withConnection(TestServers.configuration(server), logger: TestServers.logger) { connection in
            try await connection.select(name, readOnly: true)
            func uids(_ key: SearchKey) async throws -> [UInt32] { try await connection.search(key).elements.map(\.rawValue) }
            #expect(try await uids(.all) == [1, 2, 3])
            #expect(try await uids(.from("alice")) == [1])
            #expect(try await uids(.subject("Köln")) == [3])
            #expect(try await uids(.body("xylophone")) == [1])
            #expect(try await uids(.or(.subject("travel"), .flag(.flagged))) == [2, 3])
            #expect(try await uids(.and([.not(.flag(.seen)), .larger(1000)])) == [3])
            #expect(try await uids(.and([.since(IMAPDate(year: 2024, month: 3, day: 1)!), .before(IMAPDate(year: 2024, month: 3, day: 20)!)])) == [1])
            #expect(try await uids(.on(IMAPDate(day))) == [1])
            #expect(try await uids(.uid(UIDSet(rawRanges: [2...3]))) == [2, 3])
            #expect(try await uids(.header("Subject", "budget")) == [1])
            #expect(try await uids(.text("trip")) == [2])
            #expect(try await uids(.subject("nothing-matches-this")) == [])
        }
    }
}
