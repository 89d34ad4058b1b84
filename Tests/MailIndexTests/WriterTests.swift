import Foundation
@testable import MailIndex
import MailModel
import MailQuery
import Testing

@Suite("MailIndexWriter")
struct WriterTests {
    @Test func stateUpdatesLeaveTheTextAlone() throws {
        let index = TemporaryIndex()
        let (writer, reader) = try index.build(SampleMail.documents)
        #expect(try reader.rows("folder:INBOX") == [1, 2, 3, 11])
        let state = MessageState(places: [place("personal", "Archive")], flags: [.seen, .flagged], isExpunged: true,
                                 holds: ["case-7"], threadID: "t1")
        #expect(try writer.updateState(rowID: 3, to: state))
        #expect(try !writer.updateState(rowID: 99, to: state))
        try reader.reopen()
        #expect(try reader.rows("folder:INBOX") == [1, 2, 11])
        #expect(try reader.rows("folder:Archive") == [3])
        #expect(try reader.rows("flag:seen") == [1, 2, 3])
        #expect(try reader.rows("flag:flagged") == [3, 8])
        #expect(try reader.rows("is:expunged") == [3, 9])
        #expect(try reader.rows("hold:case-7") == [3])
        #expect(try reader.rows("thread:t1") == [1, 2, 3])
        #expect(try reader.rows("thread:t3") == [])
        // Text, addresses, values and other booleans are untouched.
        #expect(try reader.rows("resume") == [3])
        #expect(try reader.rows("\"lettre de motivation\"") == [3])
        #expect(try reader.rows("from:jose@example.es") == [3])
        #expect(try reader.rows("date:2024-02-29 size:10k") == [3])
        #expect(try reader.documentCount() == SampleMail.documents.count)
    }

    @Test func manyStateUpdatesInOneTransaction() throws {
        let index = TemporaryIndex()
        let (writer, reader) = try index.build(SampleMail.documents)
        let updates = SampleMail.documents.map { (rowID: $0.rowID, state: MessageState(flags: [.seen])) }
        #expect(try writer.updateStates(updates + [(rowID: 1234, state: MessageState())]) == SampleMail.documents.count)
        try reader.reopen()
        #expect(try reader.rows("flag:seen") == SampleMail.allRows)
        #expect(try reader.rows("folder:*") == [])
    }

    @Test func replacingADocumentReplacesItsTerms() throws {
        let index = TemporaryIndex()
        let (writer, reader) = try index.build(SampleMail.documents)
        var changed = SampleMail.documents[5]
        changed.bodyText = "An entirely different text about zebras."
        try writer.add([changed])
        try reader.reopen()
        #expect(try reader.rows("zebras") == [6])
        #expect(try reader.rows("\"red car\"") == [])
        #expect(try reader.documentCount() == SampleMail.documents.count)
    }

    @Test func deleting() throws {
        let index = TemporaryIndex()
        let (writer, reader) = try index.build(SampleMail.documents)
        #expect(try writer.delete(rowIDs: [1, 2, 77]) == 2)
        try reader.reopen()
        #expect(try reader.rows("report") == [])
        #expect(try reader.documentCount() == SampleMail.documents.count - 2)
    }

    @Test func aSecondWriterIsTurnedAwayClearly() throws {
        let index = TemporaryIndex()
        let writer = try MailIndexWriter(configuration: index.configuration())
        do {
            _ = try MailIndexWriter(configuration: index.configuration())
            Issue.record("a second writer opened the index")
        } catch {
            #expect(error.code == .locked)
            #expect(error.hint?.contains("Another Cairn process is writing") == true)
            #expect(error.description.contains("DatabaseLockError"))
        }
        withExtendedLifetime(writer) {}
        // Once the first writer is gone, the next one gets in.
    }

    @Test func theLockIsReleasedWithTheWriter() throws {
        let index = TemporaryIndex()
        do { _ = try MailIndexWriter(configuration: index.configuration()) }
        let second = try MailIndexWriter(configuration: index.configuration())
        #expect(try second.documentCount() == 0)
    }

    @Test func anotherLayoutIsDetectedAndCanBeRebuilt() throws {
        let index = TemporaryIndex()
        do {
            let writer = try MailIndexWriter(configuration: index.configuration())
            try writer.add(Array(SampleMail.documents.prefix(2)))
        }
        do {
            let raw = try XapianWritableDatabase(path: index.directory + "/main", action: .open)
            try raw.setMetadata(IndexLayout.versionKey, "0")
            try raw.commit()
        }
        #expect(throws: IndexError.self) { try MailIndexReader(directory: index.directory) }
        do {
            _ = try MailIndexWriter(configuration: index.configuration())
            Issue.record("opened an index of another layout")
        } catch {
            #expect(error.code == .version)
            #expect(error.description.contains("layout 0"))
            #expect(error.hint?.contains("cairn reindex") == true)
        }
        let rebuilt = try MailIndexWriter(configuration: index.configuration(), recreate: true)
        #expect(try rebuilt.documentCount() == 0)
        try rebuilt.add(SampleMail.documents)
        #expect(try MailIndexReader(directory: index.directory).rows("budget") == [1, 2, 11])
    }

    @Test func anotherLanguageIsDetected() throws {
        let index = TemporaryIndex()
        do { _ = try MailIndexWriter(configuration: index.configuration(language: "english")) }
        #expect(throws: IndexError.self) { try MailIndexWriter(configuration: index.configuration(language: "german")) }
    }

    @Test(arguments: [ShardRouting.single, .account])
    func compactionKeepsEverything(_ routing: ShardRouting) throws {
        let index = TemporaryIndex()
        let (writer, reader) = try index.build(Array(SampleMail.documents.prefix(8)), routing: routing)
        try writer.updateState(rowID: 1, to: MessageState(places: [place("work", "INBOX")], flags: [.flagged]))
        try writer.compact()
        #expect(!FileManager.default.fileExists(atPath: index.directory + "/main.compacting"))
        try writer.add(Array(SampleMail.documents.dropFirst(8)))
        try reader.reopen()
        for item in SearchFieldTests.cases where !item.query.contains("flag:") && !item.query.hasPrefix("thread:") {
            let found = try reader.rows(item.query)
            #expect(found == item.rows, "\(item.query)")
        }
        #expect(try reader.rows("flag:flagged") == [1, 8])
        #expect(try MailIndexReader(directory: index.directory).rows("budget") == [1, 2, 11])
    }

    @Test func engineMetadata() throws {
        let index = TemporaryIndex()
        let writer = try MailIndexWriter(configuration: index.configuration())
        #expect(try writer.metadata("indexed-up-to") == "")
        try writer.setMetadata("indexed-up-to", "1234")
        #expect(try writer.metadata("indexed-up-to") == "1234")
    }

    @Test func rowIDsMustFitADocid() throws {
        let builder = try DocumentBuilder()
        for row: Int64 in [0, -1, 4_294_967_296] {
            #expect(throws: IndexError.self) { try builder.build(IndexDocument(rowID: row, messageID: SampleMail.id(1))) }
        }
        #expect(try builder.build(IndexDocument(rowID: 4_294_967_295, messageID: SampleMail.id(1))).rowID == 4_294_967_295)
    }

    @Test func longValuesStillMatchExactly() throws {
        let index = TemporaryIndex()
        let longID = String(repeating: "x", count: 300) + "@example.org"
        let longFolder = "Projects/" + String(repeating: "é", count: 150)
        let document = IndexDocument(rowID: 5, messageID: SampleMail.id(5), subject: "long",
                                     messageIDHeader: "<\(longID)>",
                                     state: MessageState(places: [place("work", longFolder)]))
        let (_, reader) = try index.build([document])
        #expect(try reader.rows("id:\(longID)") == [5])
        #expect(try reader.rows("id:\(longID)x") == [])
        #expect(try reader.rows("folder:\"\(longFolder)\"") == [5])
    }

    @Test func documentsBuildOnManyThreadsWhileTheWriterWrites() async throws {
        let index = TemporaryIndex()
        let writer = try MailIndexWriter(configuration: index.configuration())
        let language = writer.language
        let batches = 4, perBatch = 250
        let prepared = try await withThrowingTaskGroup(of: [PreparedDocument].self) { group in
            for batch in 0..<batches {
                group.addTask {
                    let builder = try DocumentBuilder(language: language)
                    return try (0..<perBatch).map { item in
                        let row = Int64(batch * perBatch + item + 1)
                        return try builder.build(IndexDocument(
                            rowID: row, messageID: SampleMail.id(row), subject: "batch \(batch) item \(item)",
                            bodyText: item % 2 == 0 ? "even numbered message" : "odd numbered message",
                            date: utc(2024, 1, 1 + batch), size: Int64(item)))
                    }
                }
            }
            var all: [[PreparedDocument]] = []
            for try await batch in group { all.append(batch) }
            return all
        }
        for batch in prepared { try writer.add(batch) }
        let reader = try MailIndexReader(directory: index.directory)
        #expect(try reader.documentCount() == batches * perBatch)
        #expect(try reader.count(SearchQuery.parse("even", now: testNow)) == batches * perBatch / 2)
        #expect(try reader.count(SearchQuery.parse("date:2024-01-02 odd", now: testNow)) == perBatch / 2)
    }

    @Test func preparedDocumentTerms() throws {
        let terms = try DocumentBuilder().build(SampleMail.documents[0]).terms()
        for term in ["Q" + SampleMail.id(1).hex, "XEFann@example.org", "XFann", "XFsmith", "Squarterly", "ZSquarter",
                     "budget", "Zbudget", "XANq1 report.pdf", "XNpdf", "Tapplication/pdf", "XHASattachment",
                     "XMIDq1@example.org", "XFOLDERINBOX", "XACCOUNTwork", "Kseen", "XTHREADt1"] {
            #expect(terms.contains(term), "missing \(term)")
        }
        #expect(!terms.contains("ZXFann"), "names are not stemmed")
    }
}
