import Archive
import Foundation
import IMAPClient
import IMAPProtocol
import Logging
import MailModel
import MailQuery
import MailStore
import NIOCore
import Testing
import TestSupport

/// `--where remote` and `--where auto` at the engine level, against a real Dovecot: the server's own
/// answer to a hand-written UID SEARCH is the oracle.
@Suite("RemoteSearcher against Dovecot")
struct RemoteSearcherTests {
    static func server() throws -> DovecotServer { try DovecotServer.shared("ArchiveRemoteSearchTests") }

    /// A synced test account: 24 messages in `One`, 12 in `Zwei-ü`, one message in both.
    struct World {
        let harness: SyncHarness
        let messages: [MailboxName: [TestMessage]]

        static func make() async throws -> World {
            let h = try SyncHarness(server: try RemoteSearcherTests.server())
            var messages: [MailboxName: [TestMessage]] = [:]
            let one = (0..<24).map { TestMessage.make(h.prefix, $0, size: 500 + $0 * 61) }
            messages[h.folder("One")] = one
            messages[h.folder("Zwei-ü")] = (24..<36).map { TestMessage.make(h.prefix, $0, size: 500 + $0 * 61) } + [one[5]]
            for (folder, list) in messages { try h.deliver(list, to: folder) }
            let report = try await h.sync()
            #expect(!report.isPartial && !report.hasServerFailure)
            return World(harness: h, messages: messages)
        }

        var folders: [MailboxName] { messages.keys.sorted { $0.path < $1.path } }

        /// Every UID that a raw `UID SEARCH <key>` (no ESEARCH) returns, per folder.
        func oracle(_ key: SearchKey) async throws -> Set<String> {
            let folders = self.folders
            return try await harness.onServer { connection in
                var found = Set<String>()
                for folder in folders {
                    try await connection.select(folder, readOnly: true)
                    let result = try await connection.execute(raw: .uidSearch(key, returnOptions: nil))
                    for case .search(let numbers, _) in result.untagged {
                        for number in numbers { found.insert("\(folder.path)/\(number)") }
                    }
                }
                return found
            }
        }

        /// What RemoteSearcher finds for a query.
        func remote(_ query: String, scope: RemoteSearchScope = .everything) async throws -> RemoteSearchReport {
            let parsed = try SearchQuery.parse(query, now: Timestamp(secondsSince1970: 1_767_225_600))
            let archive = try MailArchive.open(home: harness.home, access: .readOnly)
            defer { try? archive.close() }
            var options = RemoteSearchOptions()
            options.environment = harness.options().environment
            options.fetchBatch = 7
            return await RemoteSearcher(archive: archive, options: options, logger: SyncHarness.logger)
                .search(try parsed.imapSearch(), accounts: [harness.account], scope: scope)
        }
    }

    /// Queries and the criteria one would type for them by hand (`P` is the test's prefix).
    static let cases: [(query: String, key: @Sendable (String) -> SearchKey)] = [
        ("from:ann3@example.org", { _ in .from("ann3@example.org") }),
        ("from:ann", { _ in .from("ann") }),
        ("to:robin", { _ in .to("robin") }),
        ("recip:robin@home.example", { _ in .or(.to("robin@home.example"), .or(.cc("robin@home.example"), .bcc("robin@home.example"))) }),
        ("subject:Lunch", { _ in .subject("Lunch") }),
        ("subject:Réunion", { _ in .subject("Réunion") }),
        ("xylophone", { _ in .text("xylophone") }),
        ("body:\"budget xylophone 919\"", { _ in .body("budget xylophone 919") }),
        ("size:>1500", { _ in .larger(1500) }),
        ("size:<=1000", { _ in .smaller(1001) }),
        ("size:1k..2k", { _ in .and([.larger(1023), .smaller(2049)]) }),
        ("flag:seen", { _ in .flag(.seen) }),
        ("-flag:seen", { _ in .notFlag(.seen) }),
        ("flag:flagged OR flag:answered", { _ in .or(.flag(.flagged), .flag(.answered)) }),
        ("date:2024-01-05..2024-01-10", { _ in .and([.sentSince(IMAPDate(year: 2024, month: 1, day: 5)!),
                                                     .sentBefore(IMAPDate(year: 2024, month: 1, day: 11)!)]) }),
        ("before:2024-01-08", { _ in .sentBefore(IMAPDate(year: 2024, month: 1, day: 8)!) }),
        ("date:2024-01-12", { _ in .sentOn(IMAPDate(year: 2024, month: 1, day: 12)!) }),
        ("id:P.3@test.example", { prefix in .header("Message-ID", "<\(prefix).3@test.example>") }),
        ("from:ann NOT flag:seen size:>1000", { _ in .and([.from("ann"), .notFlag(.seen), .larger(1000)]) }),
        ("(subject:Lunch OR subject:Quarterly) -from:ann2", { _ in .and([.or(.subject("Lunch"), .subject("Quarterly")), .not(.from("ann2"))]) }),
    ]

    @Test("--where remote returns exactly what the server's own UID SEARCH returns, in every folder")
    func matchesTheServer() async throws {
        let world = try await World.make()
        let prefix = world.harness.prefix
        var nonEmpty = 0, discriminating = 0
        for item in Self.cases {
            let query = item.query.replacingOccurrences(of: "P.", with: prefix + ".")
            let expected = try await world.oracle(item.key(prefix))
            let report = try await world.remote(query)
            #expect(report.failures.isEmpty, "\(query): \(report.failures)")
            let found = Set(report.hits.map { "\($0.folder.path)/\($0.uid.rawValue)" })
            #expect(found == expected, "\(query)")
            #expect(found.count == report.hits.count, "\(query): a hit twice")
            if !expected.isEmpty { nonEmpty += 1 }
            if !expected.isEmpty && expected.count < 37 { discriminating += 1 }
        }
        #expect(nonEmpty == Self.cases.count)
        // Most criteria must tell messages apart (a few, like from:ann, match all 37 by design).
        #expect(discriminating >= Self.cases.count - 4)
    }

    @Test("hits carry the envelope, flags, size and the id of the archived copy at the same place")
    func hitFields() async throws {
        let world = try await World.make()
        let report = try await world.remote("*")
        #expect(report.hits.count == 37)
        #expect(Set(report.searchedFolders) == Set(world.folders.map { "acct/" + $0.path }))
        var byMessageID: [String: TestMessage] = [:]
        for list in world.messages.values { for message in list { byMessageID["\(world.harness.prefix).\(number(message))@test.example"] = message } }
        for hit in report.hits {
            let message = try #require(hit.messageID.flatMap { byMessageID[$0] }, "\(hit.messageID ?? "no Message-ID")")
            #expect(hit.archived?.id == message.id)
            #expect(hit.size == message.servedBytes.count)
            #expect(Set(hit.flags) == Set(message.flags))
            #expect(hit.internalDate == message.internalDate)
            #expect(hit.subject?.hasSuffix("\(world.harness.prefix) #\(number(message))") == true, "\(hit.subject ?? "")")
            #expect(hit.from.first?.name == "Ann Example")
            #expect(hit.to.first?.address == "robin@home.example")
            #expect(hit.date != nil)
        }
    }

    @Test("folder: and account: choose where the search runs; a refused query names its parts")
    func placesAndRefusals() async throws {
        let world = try await World.make()
        let prefix = world.harness.prefix
        let zwei = try await world.remote("folder:\"\(prefix)/Zwei-ü\" xylophone")
        #expect(Set(zwei.hits.map(\.folder)) == [world.harness.folder("Zwei-ü")])
        #expect(zwei.hits.count == 13)
        let notOne = try await world.remote("-folder:*/One")
        #expect(Set(notOne.hits.map(\.folder)) == [world.harness.folder("Zwei-ü")])
        let otherAccount = try await world.remote("account:someone-else")
        #expect(otherAccount.hits.isEmpty && otherAccount.searchedFolders.isEmpty)

        let parsed = try SearchQuery.parse("budget thread:abc has:attachment quart*", now: Timestamp(secondsSince1970: 0))
        #expect(throws: IMAPTranslationError.self) { try parsed.imapSearch() }
        do {
            _ = try parsed.imapSearch()
        } catch {
            #expect(error.parts.count == 3)
            #expect(error.parts[0].text.hasPrefix("thread:") && error.parts[0].text.contains("abc"))
            #expect(error.parts.dropFirst().map(\.text) == ["has:attachment", "quart*"])
        }
    }

    @Test("--where auto asks only about what arrived after the last sync and folders never synced")
    func newerThanArchive() async throws {
        let world = try await World.make()
        let h = world.harness
        let before = try await world.remote("xylophone", scope: .newerThanArchive)
        #expect(before.hits.isEmpty, "everything is archived")
        #expect(before.upToDateFolders == 2)

        let arriving = TestMessage.make(h.prefix + "-new", 99)
        let fresh = TestMessage.make(h.prefix + "-fresh", 98)
        let uid = try await h.onServer { connection in
            try await connection.create(h.folder("Fresh"))
            try await connection.append(ByteBuffer(bytes: fresh.bytes), to: h.folder("Fresh"))
            return try await connection.append(ByteBuffer(bytes: arriving.bytes), to: h.folder("One"))
        }
        let after = try await world.remote("xylophone", scope: .newerThanArchive)
        #expect(after.failures.isEmpty)
        #expect(Set(after.hits.map { "\($0.folder.path)/\($0.uid.rawValue)" })
                == ["\(h.folder("One").path)/\(try #require(uid).rawValue)", "\(h.folder("Fresh").path)/1"])
        #expect(after.hits.allSatisfy { $0.archived == nil })
        #expect(Set(after.hits.compactMap(\.messageID)) == ["\(h.prefix)-new.99@test.example", "\(h.prefix)-fresh.98@test.example"])
        let unmatched = try await world.remote("subject:nothing-like-this", scope: .newerThanArchive)
        #expect(unmatched.hits.isEmpty && unmatched.failures.isEmpty)

        // Merged with the archive's answer: no hit that the archive already answers.
        let archive = try MailArchive.open(home: h.home, access: .readOnly)
        defer { try? archive.close() }
        let query = try SearchQuery.parse("xylophone", now: Timestamp(secondsSince1970: 1_767_225_600))
        let searcher = try archive.makeSearcher()
        let everything = try await world.remote("xylophone")
        let beyond = try searcher.hitsBeyondArchive(everything.hits, query: query)
        #expect(Set(beyond.compactMap(\.messageID)) == ["\(h.prefix)-new.99@test.example", "\(h.prefix)-fresh.98@test.example"])
    }

    @Test("a server that cannot be reached, or refuses the login, is a failure of the account, not a crash")
    func failures() async throws {
        let world = try await World.make()
        var account = world.harness.account
        account.port = try FreePort.pick()
        let parsed = try SearchQuery.parse("xylophone", now: Timestamp(secondsSince1970: 0))
        var options = RemoteSearchOptions()
        options.environment = world.harness.options().environment
        options.timeouts.connect = .seconds(3)
        let unreachable = await RemoteSearcher(archive: nil, options: options, logger: SyncHarness.logger)
            .search(try parsed.imapSearch(), accounts: [account], scope: .everything)
        #expect(unreachable.hits.isEmpty)
        #expect(unreachable.failures.count == 1 && unreachable.failures[0].isServerFailure)
        options.environment = [SyncHarness.passwordVariable: "wrong"]
        let refused = await RemoteSearcher(archive: nil, options: options, logger: SyncHarness.logger)
            .search(try parsed.imapSearch(), accounts: [world.harness.account], scope: .everything)
        #expect(refused.failures.first?.message.contains("acct") == true)
        #expect(refused.failures.first?.message.contains("wrong") == false, "no secret in messages")
    }

    /// The number a TestMessage was made with (from its Message-ID).
    private func number(_ message: TestMessage) -> Int {
        let text = String(decoding: message.bytes, as: UTF8.self)
        guard let range = text.range(of: "Message-ID: <") else { return -1 }
        let rest = text[range.upperBound...]
        let id = rest.prefix { $0 != "@" }
        return Int(id.split(separator: ".").last ?? "") ?? -1
    }
}
