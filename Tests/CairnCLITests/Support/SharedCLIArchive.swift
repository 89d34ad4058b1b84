import Foundation
import TestSupport

/// A generated corpus imported once with `cairn import`, shared by the read-only CLI tests.
final class SharedCLIArchive: @unchecked Sendable {
    // Safe: built once; afterwards only read.
    let corpus: GeneratedCorpus
    let home: CLIHome
    let importResult: CairnProcess.Result

    private init() throws {
        corpus = try GeneratedCorpus.make(count: 150, seed: 3, folders: 3)
        home = CLIHome()
        importResult = try home.run(["import", "maildir", corpus.directory.path, "--progress", "never"])
    }

    private static let made: Result<SharedCLIArchive, any Error> = Result { try SharedCLIArchive() }

    static func get() throws -> SharedCLIArchive { try made.get() }

    /// Runs `cairn --home HOME arguments...`.
    func run(_ arguments: [String]) throws -> CairnProcess.Result {
        try home.run(arguments)
    }
}
