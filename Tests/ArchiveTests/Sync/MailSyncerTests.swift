import Archive
import Foundation
import IMAPClient
import IMAPProtocol
import MailModel
import MailStore
import NIOCore
import Testing
import TestSupport

@Suite("MailSyncer against Dovecot: first and incremental syncs")
struct MailSyncerTests {
    static func server() throws -> DovecotServer { try DovecotServer.shared("ArchiveSyncTests") }

    @Test("a first sync archives every message of several folders (non-ASCII names too) byte for byte")
    func firstSync() async throws {
        let h = try SyncHarness(server: try Self.server())
        let layout: [(String, Int)] = [("Inbox", 30), ("Entwürfe", 10), ("Réunions/2024", 12), ("日本語", 5), ("Empty", 0)]
        var expected: [MailboxName: [TestMessage]] = [:]
        for (index, (name, count)) in layout.enumerated() {
            let messages = (0..<count).map { TestMessage.make("\(h.prefix)-\(index)", $0, size: 400 + $0 * 97) }
            if count == 0 { try h.server.createMailbox(h.folder(name)) } else { try h.deliver(messages, to: h.folder(name)) }
            expected[h.folder(name)] = messages
        }
        // The same message in two folders is archived once, seen twice.
        let shared = TestMessage.make("\(h.prefix)-shared", 1)
        try h.deliver([shared], to: h.folder("Inbox"))
        try h.deliver([shared], to: h.folder("日本語"))

        let report = try await h.sync()
        let account = try #require(report.accounts.first)
        #expect(account.error == nil)
        #expect(!report.isPartial && !report.hasServerFailure)
        #expect(account.folders.map(\.folder).sorted() == layout.map { h.folder($0.0) }.sorted())
        #expect(account.totals.new == 58)
        #expect(account.totals.existing == 1)

        try h.read { reader in
            #expect(try reader.messageCount() == 58)
            for (folder, messages) in expected {
                let state = try #require(try reader.folderState(account: "acct", folder: folder))
                let validity = try #require(state.uidValidity)
                #expect(state.lastSync != nil)
                #expect(state.highestModSeq != nil)
                let extra = folder == h.folder("Inbox") || folder == h.folder("日本語") ? 1 : 0
                #expect(try reader.uids(account: "acct", folder: folder, uidValidity: validity).count == messages.count + extra)
                #expect(state.uidNext == UID(UInt32(messages.count + extra + 1)))
                for message in messages {
                    let key = try #require(try reader.messageKey(for: message.id), "message missing in \(folder)")
                    #expect(try reader.rawBytes(of: key) == message.servedBytes)
                    let places = try reader.sightings(of: key)
                    let here = try #require(places.first { $0.sighting.folder == folder })
                    #expect(here.sighting.flags == Set(message.flags))
                    #expect(here.sighting.internalDate == message.internalDate)
                    #expect(here.sighting.source == .imap)
                }
            }
            let key = try #require(try reader.messageKey(for: shared.id))
            #expect(Set(try reader.sightings(of: key).map(\.sighting.folder)) == [h.folder("Inbox"), h.folder("日本語")])
        }
        // Search knows what the sync learned.
        #expect(try h.count("account:acct") == 58)
        #expect(try h.count("folder:\"\(h.prefix)/Entwürfe\"") == 10)
        #expect(try h.count("folder:\"\(h.prefix)/Réunions/*\"") == 12)
        let flagged = expected.values.joined().filter { $0.flags.contains(.flagged) }.count
        #expect(try h.count("flag:flagged") == flagged)
        #expect(try h.count("is:expunged") == 0)
    }

    /// How the server's changes are found: QRESYNC, CONDSTORE alone, or neither (full comparison).
    enum Extensions: String, CaseIterable, Sendable {
        case qresync, condStore, none

        func apply(to options: inout SyncOptions) {
            options.useQResync = self == .qresync
            options.useCondStore = self != .none
        }
    }

    @Test("new mail, flag changes and expunges are followed; nothing new costs no fetch",
          arguments: Extensions.allCases)
    func incremental(extensions: Extensions) async throws {
        let h = try SyncHarness(server: try Self.server())
        var options = h.options()
        extensions.apply(to: &options)
        let a = h.folder("A"), b = h.folder("B")
        let first = (0..<12).map { TestMessage.make("\(h.prefix)-a", $0) }
        try h.deliver(first, to: a)
        try h.deliver((0..<5).map { TestMessage.make("\(h.prefix)-b", $0) }, to: b)
        _ = try await h.sync(options: options)

        // Which UID holds which message is the server's choice: read it from the archive.
        let byFlags = try h.read { reader -> [Set<Flag>: [(UID, MessageKey)]] in
            let state = try #require(try reader.folderState(account: "acct", folder: a))
            var result: [Set<Flag>: [(UID, MessageKey)]] = [:]
            for record in try reader.sightings(account: "acct", folder: a, uidValidity: try #require(state.uidValidity)) {
                result[record.sighting.flags, default: []].append((record.sighting.uid!, record.message))
            }
            return result
        }
        let plain = try #require(byFlags[[]]?.first), seen = try #require(byFlags[[.seen]]?.first)
        let both = try #require(byFlags[[.seen, .flagged]]?.first)
        let gone = try #require(byFlags[[.answered]]?.prefix(2)).map { $0 }
        #expect(gone.count == 2)
        let added = (20..<23).map { TestMessage.make("\(h.prefix)-a", $0) }
        try await h.onServer { connection in
            for message in added {
                try await connection.append(ByteBuffer(bytes: message.bytes), to: a, flags: message.flags,
                                            internalDate: message.internalDate)
            }
            try await connection.select(a)
            try await connection.store(UIDSet([plain.0, seen.0]), StoreOperation(.add, [.flagged]))
            try await connection.store(UIDSet([both.0]), StoreOperation(.remove, [.seen]))
            let doomed = UIDSet(gone.map(\.0))
            try await connection.store(doomed, StoreOperation(.add, [.deleted]))
            try await connection.expunge(doomed)
        }
        let second = try await h.sync(options: options)
        let account = try #require(second.accounts.first)
        #expect(account.error == nil)
        let reportA = try #require(account.folders.first { $0.folder == a })
        let reportB = try #require(account.folders.first { $0.folder == b })
        #expect(reportA.new == 3)
        #expect(reportA.flagChanges == 3)
        #expect(reportA.expunged == 2)
        #expect(reportB.unchanged == (extensions != .none))   // without CONDSTORE flags can only be compared
        #expect(reportB.new == 0 && reportB.flagChanges == 0)

        try h.read { reader in
            #expect(try reader.messageCount() == 20)    // nothing is ever deleted from the archive
            for (_, key) in gone {
                #expect(try reader.sightings(of: key).first?.expungedAt != nil)
                #expect(try reader.summary(of: key).isExpunged)
            }
            #expect(try reader.summary(of: plain.1).flags == [.flagged])
            #expect(try reader.summary(of: seen.1).flags == [.seen, .flagged])
            #expect(try reader.summary(of: both.1).flags == [.flagged])
            for message in added {
                let key = try #require(try reader.messageKey(for: message.id))
                #expect(try reader.rawBytes(of: key) == message.servedBytes)
            }
        }
        #expect(try h.count("is:expunged") == 2)
        #expect(try h.count("folder:\"\(h.prefix)/A\" -is:expunged") == 13)

        let third = try await h.sync(options: options)
        let quiet = try #require(third.accounts.first)
        #expect(quiet.folders.allSatisfy { $0.unchanged } == (extensions != .none))
        #expect(quiet.totals.bytes == 0 && quiet.totals.new == 0 && quiet.totals.flagChanges == 0)
    }

    @Test("a folder deleted on the server keeps its archived mail, marked gone; a new name syncs as a new folder")
    func folderGone() async throws {
        let h = try SyncHarness(server: try Self.server())
        let old = h.folder("Old"), renamed = h.folder("Renamed")
        let messages = (0..<4).map { TestMessage.make("\(h.prefix)-g", $0) }
        try h.deliver(messages, to: old)
        _ = try await h.sync()
        try await h.onServer { connection in try await connection.rename(old, to: renamed) }
        let report = try await h.sync()
        let account = try #require(report.accounts.first)
        #expect(account.error == nil)
        #expect(account.folders.first { $0.folder == old }?.gone == true)
        #expect(account.folders.first { $0.folder == renamed }?.existing == 4)
        try h.read { reader in
            #expect(try reader.messageCount() == 4)
            #expect(try reader.folderState(account: "acct", folder: old)?.existsOnServer == false)
            for message in messages {
                let key = try #require(try reader.messageKey(for: message.id))
                let places = try reader.sightings(of: key)
                #expect(places.first { $0.sighting.folder == old }?.expungedAt != nil)
                #expect(places.first { $0.sighting.folder == renamed }?.expungedAt == nil)
            }
        }
        #expect(try h.count("is:expunged") == 0)
        #expect(try h.count("folder:\"\(h.prefix)/Old\"") == 4)
    }
}
