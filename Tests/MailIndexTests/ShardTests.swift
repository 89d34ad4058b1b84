import Foundation
import MailIndex
import MailModel
import MailQuery
import TestSupport
import Testing

@Suite("Shards")
struct ShardTests {
    static let byAccount = SharedIndex.make(SampleMail.documents, routing: .account)
    static let byYear = SharedIndex.make(SampleMail.documents, routing: .year)
    static let single = SharedIndex.make(SampleMail.documents)
    static let striped = SharedIndex.make(SampleMail.documents, routing: .striped)

    @Test func routingCreatesShards() throws {
        #expect(try MailIndexReader(directory: ShardTests.byAccount).shards == ["account-work", "account-personal"])
        #expect(try Set(MailIndexReader(directory: ShardTests.byYear).shards)
                == ["year-2021", "year-2022", "year-2023", "year-2024", "year-undated"])
        let config = try IndexConfiguration.load(directory: ShardTests.byAccount)
        #expect(config.routing == .account)
        #expect(config.shards.map(\.location) == [.local(path: "account-work"), .local(path: "account-personal")])
    }

    @Test(arguments: SearchFieldTests.cases)
    func shardedByAccountFindsTheSame(_ item: SearchFieldTests.Case) throws {
        let found = try MailIndexReader(directory: ShardTests.byAccount).rows(item.query)
        #expect(found == item.rows)
    }

    @Test(arguments: SearchFieldTests.cases)
    func shardedByYearFindsTheSame(_ item: SearchFieldTests.Case) throws {
        let found = try MailIndexReader(directory: ShardTests.byYear).rows(item.query)
        #expect(found == item.rows)
    }

    @Test(arguments: SearchFieldTests.cases)
    func stripedFindsTheSame(_ item: SearchFieldTests.Case) throws {
        let found = try MailIndexReader(directory: ShardTests.striped).rows(item.query)
        #expect(found == item.rows)
    }

    @Test func stripesAreFilledEvenly() throws {
        let reader = try MailIndexReader(directory: ShardTests.striped)
        #expect(reader.shards == ["stripe-0", "stripe-1"])
        let hits = try reader.search(SearchQuery.all, order: .oldest).hits
        #expect(hits.allSatisfy { $0.shard == "stripe-\(($0.rowID - 1) % 2)" })
        let config = try IndexConfiguration.load(directory: ShardTests.striped)
        #expect(config.routing == .striped && config.stripes == 2)
    }

    @Test func stripedUpdatesAndDeletes() throws {
        let index = TemporaryIndex()
        let (writer, reader) = try index.build(SampleMail.documents, routing: .striped)
        #expect(try writer.updateStates([(rowID: 9, state: MessageState(flags: [.seen])),
                                         (rowID: 10, state: MessageState(flags: [.seen]))]) == 2)
        #expect(try writer.delete(rowIDs: [1, 2, 3]) == 3)
        try reader.reopen()
        #expect(try reader.rows("flag:seen") == [9, 10])
        #expect(try reader.rows("*") == Array(4...11))
    }

    @Test(arguments: [SearchOrder.newest, .oldest, .relevance])
    func orderIsTheSameAcrossShards(_ order: SearchOrder) throws {
        let query = try SearchQuery.parse(order == .relevance ? "budget OR report OR car" : "*", now: testNow)
        let expected = try MailIndexReader(directory: ShardTests.single).search(query, order: order).hits.map(\.rowID)
        for directory in [ShardTests.byAccount, ShardTests.byYear, ShardTests.striped] {
            let reader = try MailIndexReader(directory: directory)
            let hits = try reader.search(query, order: order).hits
            if order == .relevance {
                #expect(Set(hits.map(\.rowID)) == Set(expected))
            } else {
                #expect(hits.map(\.rowID) == expected)
            }
        }
        let byAccount = try MailIndexReader(directory: ShardTests.byAccount).search(SearchQuery.all, order: .newest).hits
        #expect(byAccount.first { $0.rowID == 3 }?.shard == "account-personal")
        #expect(byAccount.first { $0.rowID == 1 }?.shard == "account-work")
    }

    @Test func aMessageMovesWhenItsShardChanges() throws {
        let index = TemporaryIndex()
        let (writer, reader) = try index.build(SampleMail.documents, routing: .account)
        var moved = SampleMail.documents[2]
        moved.state.places = [place("zeta", "INBOX")]
        try writer.add([moved])
        try reader.reopen()
        #expect(reader.shards == ["account-work", "account-personal", "account-zeta"])
        #expect(try reader.rows("resume") == [3])
        #expect(try reader.rows("account:personal") == [4])
        #expect(try reader.count(SearchQuery.parse("*", now: testNow)) == 11)
        #expect(try reader.search(SearchQuery.parse("resume", now: testNow)).hits.first?.shard == "account-zeta")
    }

    @Test func stateUpdatesFindTheirShard() throws {
        let index = TemporaryIndex()
        let (writer, reader) = try index.build(SampleMail.documents, routing: .year)
        #expect(try writer.updateStates([(rowID: 9, state: MessageState(flags: [.seen])),
                                         (rowID: 10, state: MessageState(flags: [.seen]))]) == 2)
        try reader.reopen()
        #expect(try reader.rows("flag:seen") == [1, 2, 9, 10])
        #expect(try reader.rows("is:expunged") == [])
    }

    @Test func rebuildingChangesTheRouting() throws {
        let index = TemporaryIndex()
        _ = try index.build(SampleMail.documents)
        do {
            let writer = try MailIndexWriter(configuration: index.configuration(routing: .striped), recreate: true)
            try writer.add(SampleMail.documents)
        }
        let reader = try MailIndexReader(directory: index.directory)
        #expect(reader.shards == ["stripe-0", "stripe-1"])
        #expect(try reader.rows("budget") == [1, 2, 11])
    }

    @Test func namesAreSafeAsFolders() throws {
        let index = TemporaryIndex()
        let documents = [
            IndexDocument(rowID: 1, messageID: SampleMail.id(1), subject: "one",
                          state: MessageState(places: [place("../evil name/", "INBOX")])),
            IndexDocument(rowID: 2, messageID: SampleMail.id(2), subject: "two",
                          state: MessageState(places: [place("..-evil_name_", "INBOX")])),
        ]
        let (_, reader) = try index.build(documents, routing: .account)
        #expect(reader.shards.count == 2)
        #expect(reader.shards.allSatisfy { !$0.contains("/") && !$0.hasPrefix(".") })
        #expect(try reader.rows("account:\"../evil name/\"") == [1])
    }

    @Test(.enabled(if: XapianServer.isAvailable, "xapian-tcpsrv (Debian's xapian-tools) is not installed"))
    func aRemoteShardAnswersLikeALocalOne() throws {
        let server = try XapianServer(database: ShardTests.byAccount + "/account-personal")
        let local = try IndexConfiguration.load(directory: ShardTests.byAccount)
        var remote = local
        remote.shards[1] = IndexShard(name: "account-personal", location: .remote(host: "127.0.0.1", port: server.port))
        let localReader = try MailIndexReader(configuration: local)
        let remoteReader = try MailIndexReader(configuration: remote)
        #expect(remoteReader.shards == localReader.shards)
        for item in SearchFieldTests.cases {
            let query = try SearchQuery.parse(item.query, now: testNow)
            for order in [SearchOrder.newest, .oldest] {
                let viaNetwork = try remoteReader.search(query, order: order).hits
                #expect(viaNetwork == (try localReader.search(query, order: order).hits), "\(item.query)")
                #expect(viaNetwork.map(\.rowID).sorted() == item.rows, "\(item.query)")
            }
            #expect(try remoteReader.count(query) == item.rows.count)
        }
        let snippet = try remoteReader.snippets(for: SearchQuery.parse("resume", now: testNow))
            .snippet(of: SampleMail.documents[2].bodyText)
        #expect(snippet.contains("[résumé]"))
    }
}
