import Archive
import Foundation
import MailModel
import MailQuery
import MailStore
import TestSupport

/// The generated test corpus (300 messages in 4 folders) imported once into an archive that the
/// read-only ground-truth tests share.
final class SharedCorpusArchive: @unchecked Sendable {
    // Safe: built once; afterwards only read (searchers and store reads are per call).
    let corpus: GeneratedCorpus
    let test: TemporaryArchive
    let summary: IngestSummary
    /// Truth message index by id.
    let indexByID: [String: Int]

    static let count = 300
    static let folders = 4

    private init() throws {
        corpus = try GeneratedCorpus.make(count: SharedCorpusArchive.count, folders: SharedCorpusArchive.folders)
        test = try TemporaryArchive()
        summary = try MailImporter(archive: test.archive).run(ImportRequest(kind: .maildir, paths: [corpus.directory.path]))
        indexByID = Dictionary(uniqueKeysWithValues: corpus.truth.messages.map { ($0.id, $0.index) })
    }

    private static let made: Result<SharedCorpusArchive, any Error> = Result { try SharedCorpusArchive() }

    /// The shared archive (made on first use).
    static func get() throws -> SharedCorpusArchive { try made.get() }

    /// The truth indexes of the messages a query finds, sorted.
    func indexes(_ query: String) throws -> [Int] {
        try test.ids(query).map { indexByID[$0] ?? -1 }.sorted()
    }
}
