import Foundation
@testable import MailIndex
import MailModel
import MailQuery
import Testing

@Suite("MailIndexReader")
struct ReaderTests {
    static let directory = SharedIndex.make(SampleMail.documents)

    func query(_ text: String) throws -> SearchQuery { try SearchQuery.parse(text, now: testNow) }

    @Test func newestAndOldestFirst() throws {
        let reader = try MailIndexReader(directory: ReaderTests.directory)
        let newest = try reader.search(query("*"), order: .newest).hits.map(\.rowID)
        // Dated newest to oldest, then the undated message.
        #expect(newest == [4, 3, 2, 1, 11, 5, 8, 7, 6, 9, 10])
        let oldest = try reader.search(query("*"), order: .oldest).hits.map(\.rowID)
        #expect(oldest == [10, 9, 6, 7, 8, 5, 11, 1, 2, 3, 4])
    }

    @Test func relevanceRanksTheBetterMatchFirst() throws {
        let reader = try MailIndexReader(directory: ReaderTests.directory)
        // Message 1 has "budget" twice in a short text; 2 once; 11 has only "budgeting".
        let hits = try reader.search(query("budget"), order: .relevance).hits.map(\.rowID)
        #expect(Set(hits) == [1, 2, 11])
        #expect(hits.first == 1)
    }

    @Test func pagesAndTotals() throws {
        let reader = try MailIndexReader(directory: ReaderTests.directory)
        let all = try reader.search(query("*"), order: .newest).hits.map(\.rowID)
        let page = try reader.search(query("*"), order: .newest, offset: 3, limit: 4, exactTotal: true)
        #expect(page.hits.map(\.rowID) == Array(all[3..<7]))
        #expect(page.total == SampleMail.documents.count)
        #expect(page.isExact)
        let past = try reader.search(query("*"), offset: 50, limit: 10)
        #expect(past.hits.isEmpty)
        let none = try reader.search(query("nothingmatchesthis"), limit: 10)
        #expect(none.hits.isEmpty && none.total == 0)
        #expect(try reader.search(query("*"), limit: 0).hits.isEmpty)
    }

    @Test func exactCounts() throws {
        let reader = try MailIndexReader(directory: ReaderTests.directory)
        #expect(try reader.count(query("*")) == 11)
        #expect(try reader.count(query("folder:INBOX")) == 4)
        #expect(try reader.count(query("-folder:INBOX")) == 7)
        #expect(try reader.count(query("zzzz")) == 0)
    }

    @Test func hitsNameTheirShard() throws {
        let reader = try MailIndexReader(directory: ReaderTests.directory)
        #expect(reader.shards == ["main"])
        #expect(try reader.search(query("budget")).hits.allSatisfy { $0.shard == "main" })
    }

    @Test func describesTheXapianQuery() throws {
        let reader = try MailIndexReader(directory: ReaderTests.directory)
        let text = try reader.describe(query("budget folder:inbox -flag:seen date:2024"))
        #expect(text.hasPrefix("Query("))
        for piece in ["Zbudget", "ZSbudget", "XFbudget", "XFOLDERINBOX", "AND_NOT", "Kseen", "FILTER", "VALUE_RANGE 0"] {
            #expect(text.contains(piece), "\(text) lacks \(piece)")
        }
    }

    @Test func snippetsHighlightTheOriginalText() throws {
        let reader = try MailIndexReader(directory: ReaderTests.directory)
        let body = SampleMail.documents[2].bodyText
        let snippet = try reader.snippets(for: query("resume")).snippet(of: body)
        #expect(snippet.contains("[résumé]"), "\(snippet)")
        let long = String(repeating: "Filler words go here and there. ", count: 40) + "The budget is final. "
            + String(repeating: "More filler text follows. ", count: 40)
        let cut = try reader.snippets(for: query("budget")).snippet(of: long, length: 80)
        #expect(cut.contains("[budget]"))
        #expect(cut.contains("..."))
        #expect(cut.utf8.count < 120)
        let tags = try reader.snippets(for: query("car")).snippet(of: "a <b>red</b> car & more", start: "<<", end: ">>")
        #expect(tags == "a <b>red</b> <<car>> & more")
        let cjk = try reader.snippets(for: query("東京")).snippet(of: SampleMail.documents[4].bodyText)
        #expect(cjk.contains("[東京]") || cjk.contains("[東][京]"), "\(cjk)")
    }

    @Test func readersSeeNewCommitsAfterReopening() throws {
        let index = TemporaryIndex()
        let (writer, reader) = try index.build(Array(SampleMail.documents.prefix(3)))
        #expect(try reader.count(query("*")) == 3)
        try writer.add(Array(SampleMail.documents.dropFirst(3)))
        try reader.reopen()
        #expect(try reader.count(query("*")) == 11)
    }

    @Test func anIndexNotWrittenYetIsEmpty() throws {
        let index = TemporaryIndex()
        let reader = try MailIndexReader(directory: index.directory)
        #expect(reader.shards.isEmpty)
        #expect(try reader.count(query("*")) == 0)
        #expect(try reader.search(query("budget folder:x*")).hits.isEmpty)
    }

    @Test func foldingTable() throws {
        #expect(try XapianFold.foldLower("Résumé Straße Ёлка ﬁnal Ångström Øre Łódź ΆΈ Ｆｕｌｌ１") ==
                "resume strasse елка final angstrom ore lodz αε full1")
        #expect(try XapianFold.fold("e\u{301}te\u{301}") == "ete")
        #expect(try XapianFold.fold("й ў plain ascii") == "й ў plain ascii")
        #expect(try XapianFold.fold("bad \u{FFFD} bytes") == "bad \u{FFFD} bytes")
    }

    @Test func errorsCrossTheBoundaryAsValues() throws {
        do {
            _ = try XapianDatabase(path: "/nonexistent/cairn/index")
            Issue.record("opened a missing database")
        } catch {
            #expect(error.code == .notFound)
            #expect(error.hint != nil)
        }
        do {
            _ = try XapianDatabase(host: "127.0.0.1", port: 1, timeoutMilliseconds: 500, connectTimeoutMilliseconds: 500)
            Issue.record("connected to port 1")
        } catch {
            #expect(error.code == .network)
        }
    }
}

@Suite("Threads")
struct ThreadSearchTests {
    @Test func oneLinePerThreadNewestFirstWithCounts() throws {
        let reader = try MailIndexReader(directory: ReaderTests.directory)
        let page = try reader.searchThreads(SearchQuery.parse("report OR \"red car\" OR budget", now: testNow))
        // Thread t1 (messages 1 and 2, newest 2), message 11 (thread of its own? no: no thread id), 6.
        #expect(page.threads.map(\.hit.rowID) == [2, 11, 6])
        #expect(page.threads.map(\.matches) == [2, 1, 1])
        #expect(page.threads.map(\.threadID) == ["t1", nil, nil])
        #expect(page.total == 3 && page.isExact)
        let oldest = try reader.searchThreads(SearchQuery.parse("thread:t1", now: testNow), order: .oldest)
        #expect(oldest.threads.map(\.hit.rowID) == [1])
    }

    @Test func threadChangesFollowStateUpdates() throws {
        let index = TemporaryIndex()
        let (writer, reader) = try index.build(SampleMail.documents)
        try writer.updateState(rowID: 6, to: MessageState(threadID: "t1"))
        try reader.reopen()
        let page = try reader.searchThreads(SearchQuery.parse("thread:t1", now: testNow))
        #expect(page.threads.count == 1)
        #expect(page.threads.first?.matches == 3)
        #expect(page.threads.first?.hit.rowID == 2)
    }
}

@Suite("Verification")
struct VerificationTests {
    @Test(arguments: [ShardRouting.single, .striped, .account])
    func everyDocumentNamesItsMessage(_ routing: ShardRouting) throws {
        let index = TemporaryIndex()
        let (_, reader) = try index.build(SampleMail.documents, routing: routing)
        let indexed = try reader.indexedMessages()
        #expect(indexed.count == SampleMail.documents.count)
        for document in SampleMail.documents {
            #expect(indexed.contains { $0.hit.rowID == document.rowID && $0.id == document.messageID })
        }
        #expect(IndexLayout.xapianVersion.hasPrefix("1."))
    }
}
