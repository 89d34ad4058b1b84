import Foundation

/// A mail corpus made by `Tools/gen-corpus` (deterministic, seeded), with its ground truth: made
/// once per set of arguments in a test process, removed when the process exits.
///
/// ```swift
/// let corpus = try GeneratedCorpus.make(count: 300, folders: 4, format: "maildir")
/// corpus.directory                      // the Maildir++ tree
/// corpus.truth.terms["zorvikant"]!.messages["free"]   // message indexes a search must find
/// ```
public final class GeneratedCorpus: Sendable {
    /// Where the mail is (a Maildir tree, or a folder of mbox files).
    public let directory: URL
    /// The generator's ground truth.
    public let truth: CorpusTruth
    /// `maildir`, `mbox` or `dovecot`.
    public let format: String

    private init(directory: URL, truth: CorpusTruth, format: String) {
        self.directory = directory
        self.truth = truth
        self.format = format
    }

    /// A problem running the generator.
    public struct Failure: Error, CustomStringConvertible {
        /// What went wrong.
        public var description: String
    }

    /// The corpus of these arguments, generated on first use.
    public static func make(count: Int, seed: Int = 1, folders: Int = 1, format: String = "maildir") throws -> GeneratedCorpus {
        let key = "\(count)-\(seed)-\(folders)-\(format)"
        return try cache.value(for: key) {
            let root = FileManager.default.temporaryDirectory
                .appendingPathComponent("cairn-corpus-\(key)-\(UUID().uuidString.prefix(8))")
            let out = root.appendingPathComponent("mail"), truthFile = root.appendingPathComponent("truth.json")
            let tool = Fixtures.packageRoot.appendingPathComponent("Tools/gen-corpus").path
            let result = try Subprocess.run("/usr/bin/env", [
                "python3", tool, "--count", String(count), "--seed", String(seed), "--folders", String(folders),
                "--format", format, "--out", out.path, "--truth", truthFile.path, "--quiet",
            ])
            guard result.status == 0 else {
                throw Failure(description: "gen-corpus failed (\(result.status)): \(result.standardError)")
            }
            let truth = try JSONDecoder().decode(CorpusTruth.self, from: Data(contentsOf: truthFile))
            return GeneratedCorpus(directory: out, truth: truth, format: format)
        } cleanup: { corpus in
            try? FileManager.default.removeItem(at: corpus.directory.deletingLastPathComponent())
        }
    }

    private static let cache = CorpusCache()
}

/// The corpora made so far, removed at exit.
private final class CorpusCache: @unchecked Sendable {
    // Safe: every access happens with `lock` held (generation included, so each corpus is made once).
    private let lock = NSLock()
    private var corpora: [String: GeneratedCorpus] = [:]
    private var registered = false
    private var cleanups: [() -> Void] = []

    func value(for key: String, make: () throws -> GeneratedCorpus,
               cleanup: @escaping (GeneratedCorpus) -> Void) throws -> GeneratedCorpus {
        lock.lock()
        defer { lock.unlock() }
        if let corpus = corpora[key] { return corpus }
        let corpus = try make()
        corpora[key] = corpus
        cleanups.append { cleanup(corpus) }
        if !registered {
            registered = true
            atexit { corpusCacheInstance?.removeAll() }
            corpusCacheInstance = self
        }
        return corpus
    }

    func removeAll() {
        lock.lock()
        defer { lock.unlock() }
        for cleanup in cleanups { cleanup() }
        cleanups = []
    }
}

nonisolated(unsafe) private var corpusCacheInstance: CorpusCache?

/// The ground truth `Tools/gen-corpus --truth` writes (see `Tools/lib/corpusgen/README.md`).
public struct CorpusTruth: Decodable, Sendable {
    /// One distinct message.
    public struct Message: Decodable, Sendable {
        /// 0..count-1.
        public var index: Int
        /// Cairn's id (SHA-256 after bare LF to CRLF).
        public var id: String
        /// SHA-256 of the bytes as stored.
        public var sha256: String
        /// Bytes as stored.
        public var size: Int
        /// Where it is stored (a message stored twice has two copies).
        public var copies: [Copy]
        /// Senders, as a correct decoder shows them.
        public var from: [Person]
        /// To recipients.
        public var to: [Person]
        /// Cc recipients.
        public var cc: [Person]
        /// The decoded subject.
        public var subject: String?
        /// The Date in UTC (`YYYY-MM-DDTHH:MM:SSZ`), nil when missing or garbage.
        public var date: String?
        /// The Message-ID header value.
        public var messageID: String?
        /// What is wrong with it, if anything.
        public var malformed: [String]

        enum CodingKeys: String, CodingKey {
            case index, id, sha256, size, copies, from, to, cc, subject, date, malformed
            case messageID = "message_id"
        }
    }

    /// One stored copy of a message.
    public struct Copy: Decodable, Sendable {
        /// The folder's name (`INBOX`, `Lists/cairn-dev`).
        public var folder: String
        /// The file, relative to the corpus (mbox: `FILE@OFFSET`).
        public var path: String
        /// Maildir flag letters.
        public var flags: String
    }

    /// A name and an address.
    public struct Person: Decodable, Sendable {
        /// The display name ("" when none).
        public var name: String
        /// The address.
        public var address: String
    }

    /// A planted term and the messages a search finds it in.
    public struct Term: Decodable, Sendable {
        /// Per query field (`free`, `subject`, `body`, `filename`, `from`, `to`, `cc`): message indexes.
        public var messages: [String: [Int]]
        /// Whether it is a phrase.
        public var phrase: Bool
        /// The accent-folding group it belongs to.
        public var foldGroup: String?
        /// Messages where it is only hidden (a search must not find them).
        public var decoys: [Int]

        enum CodingKeys: String, CodingKey {
            case messages, phrase, decoys
            case foldGroup = "fold_group"
        }
    }

    /// Every distinct message, by index.
    public var messages: [Message]
    /// Planted terms.
    public var terms: [String: Term]
    /// Accent-folding groups: messages found by the unaccented spelling.
    public var foldGroups: [String: [Int]]

    enum CodingKeys: String, CodingKey {
        case messages, terms
        case foldGroups = "fold_groups"
    }
}
