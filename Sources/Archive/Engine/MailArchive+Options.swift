import Foundation
import MailModel

extension MailArchive {
    /// Reading only, or reading and writing.
    public enum Access: Sendable {
        /// Never takes the writer lock, never blocks a writer.
        case readOnly
        /// Takes the writer lock; creates the archive when missing.
        case readWrite
    }

    /// How an archive is opened and how its pipelines run, with documented defaults.
    public struct Options: Sendable {
        /// How long a writer waits for another writer before `ArchiveLockedError`. Default 5 s,
        /// or `$CAIRN_LOCK_TIMEOUT` seconds when set.
        public var lockTimeout: Duration = MailArchive.Options.environmentLockTimeout ?? .seconds(5)
        /// Stemming language of a new index. Default `english`.
        public var indexLanguage = "english"
        /// Threads that decode messages and build index documents. Default: the number of
        /// processors (at least 1).
        public var workerCount: Int {
            get { chosenWorkerCount ?? Self.processorCount }
            set { chosenWorkerCount = newValue }
        }
        /// The worker count set by the caller, if any.
        private var chosenWorkerCount: Int?
        /// The processors this process may use (counted once, when first needed: a reader never is).
        private static let processorCount = max(1, ProcessInfo.processInfo.activeProcessorCount)
        /// Whether a read-write open first indexes what the store has and the index lacks. Default
        /// true (`cairn reindex` skips it: it rebuilds everything anyway).
        public var catchUpOnOpen = true
        /// Store connections a read-only archive reads on at once, at most. Default 4 (`verify`
        /// re-hashes on several threads); 1 reads through a single connection, which opens in about
        /// half the time (a one-shot query's start).
        public var storeReaders = 4
        /// The store's time source; nil for the system clock (tests set one).
        public var clock: (@Sendable () -> Timestamp)?

        /// The defaults.
        public init() {}

        /// The defaults, with a read-only archive read through a single store connection: for a
        /// process that reads on one thread at a time.
        public static var singleReader: Options {
            var options = Options()
            options.storeReaders = 1
            return options
        }

        /// `$CAIRN_LOCK_TIMEOUT` in seconds, if set and valid.
        static var environmentLockTimeout: Duration? {
            guard let text = ProcessEnvironment.value("CAIRN_LOCK_TIMEOUT"), let seconds = Double(text),
                  seconds >= 0 else { return nil }
            return .milliseconds(Int(seconds * 1000))
        }
    }
}
