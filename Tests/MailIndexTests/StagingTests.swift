import Foundation
@testable import MailIndex
import MailModel
import Testing

/// Staged writes: documents and state updates that wait for one commit.
@Suite("MailIndexWriter staging")
struct StagingTests {
    /// The sample documents as a worker would hand them over.
    private func prepared(_ documents: [IndexDocument]) throws -> [PreparedDocument] {
        let builder = try DocumentBuilder(language: "english")
        return try documents.map { try builder.build($0) }
    }

    @Test func stagedDocumentsAppearWithTheCommit() throws {
        let index = TemporaryIndex()
        let (writer, reader) = try index.build(Array(SampleMail.documents.prefix(3)))
        #expect(!writer.hasStagedChanges)
        try writer.stage(try prepared(Array(SampleMail.documents[3..<6])))
        try writer.stage(try prepared(Array(SampleMail.documents[6..<8])))
        #expect(writer.hasStagedChanges)
        try reader.reopen()
        #expect(try reader.documentCount() == 3, "staged documents are not visible before the commit")
        try writer.commit()
        #expect(!writer.hasStagedChanges)
        try reader.reopen()
        #expect(try reader.documentCount() == 8)
        #expect(try reader.rows("\"red car\"") == [6])
    }

    @Test func aWriterClosedWithoutACommitLosesOnlyWhatItStaged() throws {
        let index = TemporaryIndex()
        do {
            let writer = try MailIndexWriter(configuration: index.configuration())
            try writer.add(Array(SampleMail.documents.prefix(2)))
            try writer.stage(try prepared(Array(SampleMail.documents.dropFirst(2))))
            _ = try writer.stageStates([(rowID: 1, state: MessageState(flags: [.flagged]))])
        }
        let reader = try MailIndexReader(directory: index.directory)
        #expect(try reader.documentCount() == 2)
        #expect(try reader.rows("flag:flagged") == [], "the staged state update went with the staged documents")
        #expect(try reader.rows("flag:seen") == [1, 2])
    }

    @Test func stagedStatesAreCommittedWithTheDocuments() throws {
        let index = TemporaryIndex()
        let (writer, reader) = try index.build(Array(SampleMail.documents.prefix(4)))
        try writer.stage(try prepared(Array(SampleMail.documents.dropFirst(4))))
        let updates = [(rowID: Int64(2), state: MessageState(places: [place("work", "Archive")], flags: [.flagged])),
                       (rowID: Int64(9), state: MessageState(places: [place("work", "Archive")]))]
        #expect(try writer.stageStates(updates) == 2, "a staged document can have its state rewritten")
        try reader.reopen()
        #expect(try reader.rows("folder:Archive") == [])
        try writer.commit()
        try reader.reopen()
        #expect(try reader.rows("folder:Archive") == [2, 9])
        #expect(try reader.rows("flag:flagged") == [2, 8])
        #expect(try reader.documentCount() == SampleMail.documents.count)
    }

    @Test func aCommittingChangeCommitsWhatWasStagedBeforeIt() throws {
        let index = TemporaryIndex()
        let (writer, reader) = try index.build(Array(SampleMail.documents.prefix(4)))
        try writer.stage(try prepared(Array(SampleMail.documents[4..<8])))
        #expect(try writer.delete(rowIDs: [1]) == 1)
        #expect(!writer.hasStagedChanges)
        try reader.reopen()
        #expect(try reader.documentCount() == 7)
        try writer.stage(try prepared(Array(SampleMail.documents.dropFirst(8))))
        try writer.add(try prepared([SampleMail.documents[0]]))
        try reader.reopen()
        #expect(try reader.documentCount() == SampleMail.documents.count)
    }

    @Test(arguments: [ShardRouting.account, .year])
    func stagingSpansShards(_ routing: ShardRouting) throws {
        let index = TemporaryIndex()
        let writer = try MailIndexWriter(configuration: index.configuration(routing: routing))
        try writer.stage(try prepared(SampleMail.documents))
        #expect(writer.localShards.count > 1)
        #expect(writer.hasStagedChanges)
        try writer.commit()
        let reader = try MailIndexReader(directory: index.directory)
        #expect(try reader.rows("budget") == [1, 2, 11])
        #expect(try reader.documentCount() == SampleMail.documents.count)
    }

    @Test func aFailedStagedWriteCancelsTheStagedChangesAndCountsALoss() throws {
        let index = TemporaryIndex()
        let writer = try MailIndexWriter(configuration: index.configuration())
        try writer.stage(try prepared(Array(SampleMail.documents.prefix(3))))
        #expect(writer.stagingLosses == 0)
        let db = try #require(writer.shards["main"])
        #expect(throws: IndexError.self) {
            try db.stage { () throws(IndexError) in throw IndexError(.failed, "a write that fails") }
        }
        #expect(writer.stagingLosses == 1)
        #expect(!writer.hasStagedChanges)
        try writer.commit()
        #expect(try writer.localDocumentCount() == 0, "the cancelled staged documents are gone")
        // A later staging starts afresh.
        try writer.stage(try prepared([SampleMail.documents[0]]))
        try writer.commit()
        #expect(try writer.localDocumentCount() == 1)
        #expect(writer.stagingLosses == 1)
    }
}
