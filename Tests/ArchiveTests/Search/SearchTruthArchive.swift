import Archive
import Foundation
import MailModel
import MailQuery
import MailStore
import Testing
import TestSupport

/// A generated corpus of its own (500 messages, seed 3, 6 folders: a UTF-8 folder name among them)
/// imported once, with the parts of the generator's truth the search tests compare against.
final class SearchTruthArchive: @unchecked Sendable {
    // Safe: built once; afterwards only read (searchers and store reads are per call).
    let corpus: GeneratedCorpus
    let test: TemporaryArchive
    /// The truth's messages with the fields these tests need.
    let messages: [TruthMessage]
    /// Truth message index by id.
    let indexByID: [String: Int]

    /// The moment queries are typed at: 2024-12-31 12:00 UTC, four days after the newest message.
    static let now = Timestamp(secondsSince1970: 1_735_646_400)

    /// One message of the truth file (`Tools/lib/corpusgen/README.md`).
    struct TruthMessage: Decodable {
        struct Copy: Decodable { var folder: String; var flags: String }
        struct Attachment: Decodable { var filename: String?; var content_type: String }
        struct Person: Decodable { var name: String; var address: String }
        struct Thread: Decodable { var number: Int; var link: String }
        var index: Int
        var id: String
        var size: Int
        var date: String?
        var copies: [Copy]
        var attachments: [Attachment]
        var list_id: String?
        var message_id: String?
        var thread: Thread
        var from: [Person]
        var to: [Person]
        var cc: [Person]
        var malformed: [String]

        /// The UTC day, `YYYY-MM-DD`.
        var day: String? { date.map { String($0.prefix(10)) } }
        /// The folders it is in.
        var folders: Set<String> { Set(copies.map(\.folder)) }
        /// Maildir flag letters of every copy.
        var flagLetters: Set<Character> { Set(copies.flatMap(\.flags)) }
    }

    private struct TruthFile: Decodable { var messages: [TruthMessage] }

    /// The corpus did not import cleanly.
    struct ImportFailed: Error { var summary: String }

    private init() throws {
        corpus = try GeneratedCorpus.make(count: 500, seed: 3, folders: 6)
        test = try TemporaryArchive()
        let summary = try MailImporter(archive: test.archive).run(ImportRequest(kind: .maildir, paths: [corpus.directory.path]))
        guard summary.failed == 0 else { throw ImportFailed(summary: "\(summary)") }
        let truthFile = corpus.directory.deletingLastPathComponent().appendingPathComponent("truth.json")
        messages = try JSONDecoder().decode(TruthFile.self, from: Data(contentsOf: truthFile)).messages
        indexByID = Dictionary(uniqueKeysWithValues: messages.map { ($0.id, $0.index) })
    }

    private static let made: Result<SearchTruthArchive, any Error> = Result { try SearchTruthArchive() }

    /// The shared archive (made on first use).
    static func get() throws -> SearchTruthArchive { try made.get() }

    /// The truth indexes of the messages a query finds (typed at ``now``).
    func found(_ query: String) throws -> Set<Int> {
        let parsed = try SearchQuery.parse(query, now: SearchTruthArchive.now)
        let keys = try test.archive.makeSearcher().keys(parsed)
        let summaries = try test.archive.makeSearcher().summaries(of: keys)
        #expect(Set(summaries.map(\.id.hex)).count == summaries.count, "\(query): a message twice")
        return Set(summaries.map { indexByID[$0.id.hex] ?? -1 })
    }

    /// The truth indexes of the messages that satisfy `predicate`.
    func expected(_ predicate: (TruthMessage) -> Bool) -> Set<Int> {
        Set(messages.filter(predicate).map(\.index))
    }

    /// Every message.
    var all: Set<Int> { Set(messages.map(\.index)) }
}
