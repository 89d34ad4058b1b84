import Foundation
import MailIndex
import MailModel
import MailQuery

/// A temporary index folder for one test, removed when the test is done with it.
final class TemporaryIndex {
    let directory: String

    init() {
        directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("cairn-index-test-\(UUID().uuidString)").path
    }

    deinit { try? FileManager.default.removeItem(atPath: directory) }

    func configuration(routing: ShardRouting = .single, language: String = "english") -> IndexConfiguration {
        IndexConfiguration(directory: directory, routing: routing, language: language)
    }

    /// A writer that has indexed the documents, and a reader of the result.
    func build(_ documents: [IndexDocument], routing: ShardRouting = .single) throws -> (MailIndexWriter, MailIndexReader) {
        let writer = try MailIndexWriter(configuration: configuration(routing: routing))
        try writer.add(documents)
        let reader = try MailIndexReader(directory: directory)
        return (writer, reader)
    }
}

/// The fixed "now" of the tests: 2024-03-10 12:00:00 UTC.
let testNow = Timestamp(year: 2024, month: 3, day: 10, hour: 12)!

extension MailIndexReader {
    /// The row ids matching a query, sorted.
    func rows(_ text: String, savedQuery: (String) -> String? = { _ in nil }) throws -> [Int64] {
        let query = try SearchQuery.parse(text, now: testNow, savedQuery: savedQuery)
        return try search(query, order: .oldest).hits.map(\.rowID).sorted()
    }
}

/// A date in UTC.
func utc(_ year: Int, _ month: Int, _ day: Int, _ hour: Int = 0, _ minute: Int = 0, _ second: Int = 0) -> Timestamp {
    Timestamp(year: year, month: month, day: day, hour: hour, minute: minute, second: second)!
}

/// A place in an account's folder.
func place(_ account: String, _ folder: String) -> MessagePlace {
    MessagePlace(account: account, folder: MailboxName(folder))
}

/// Indexes shared by the tests of a suite: built once, read by many, removed when the test
/// process exits.
enum SharedIndex {
    /// Indexes the documents into a new folder (routed as asked) and returns its path.
    static func make(_ documents: [IndexDocument], routing: ShardRouting = .single) -> String {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("cairn-index-shared-\(UUID().uuidString)").path
        do {
            let writer = try MailIndexWriter(configuration: IndexConfiguration(directory: directory, routing: routing))
            try writer.add(documents)
        } catch {
            fatalError("cannot build the shared test index: \(error)")
        }
        registry.add(directory)
        return directory
    }

    private static let registry = Registry()

    /// The folders to remove at exit.
    private final class Registry: @unchecked Sendable {
        // @unchecked Sendable: `folders` is only touched under `lock`.
        private let lock = NSLock()
        private var folders: [String] = []
        private var registered = false

        func add(_ folder: String) {
            lock.lock()
            defer { lock.unlock() }
            folders.append(folder)
            if !registered {
                registered = true
                atexit { SharedIndex.registry.removeAll() }
            }
        }

        func removeAll() {
            lock.lock()
            defer { lock.unlock() }
            for folder in folders { try? FileManager.default.removeItem(atPath: folder) }
        }
    }
}
