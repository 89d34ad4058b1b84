#if canImport(Glibc)
import Glibc
#endif
import MailModel

extension MailStore {
    /// How a store is opened, with documented defaults.
    public struct Options: Sendable {
        /// Reading only, or reading and writing.
        public enum Access: Sendable {
            /// Never takes the writer lock; never blocks a writer (WAL). The archive must exist.
            case readOnly
            /// Creates the archive when missing, upgrades its schema, and holds the writer lock until
            /// `close()`.
            case readWrite
        }

        /// Read-only or read-write. Default `.readWrite`.
        public var access: Access = .readWrite
        /// How long a read-write open waits for another writer to finish before throwing
        /// `ArchiveLockedError`. Default 5 seconds.
        public var lockTimeout: Duration = .seconds(5)
        /// How long a statement waits for SQLite's own short locks (a checkpoint, a reader starting
        /// while the WAL is reset) before failing. Default 10 seconds.
        public var busyTimeout: Duration = .seconds(10)
        /// Raw bytes per stored chunk: writing and reading a message hold at most one chunk in memory.
        /// Default 1 MiB.
        public var chunkSize: Int = 1 << 20
        /// zlib level of the chunks (0 stores them as is, 1 fastest, 9 smallest). Default 1: on
        /// mail it keeps most of level 6's ratio at several times its speed (see Storage.md).
        public var compressionLevel: Int32 = 1
        /// A reply with no In-Reply-To or References joins the newest thread with the same base subject
        /// whose last message is at most this far from its date. Default 30 days.
        public var subjectThreadWindow: Duration = .seconds(30 * 86_400)
        /// SQLite page size of a new archive (512 to 65536, a power of two); ignored for an existing one.
        /// Default 16384: messages are mostly large blobs, and larger pages mean fewer pages to write,
        /// log and checkpoint per message.
        public var pageSize: Int = 16_384
        /// Readers the pool keeps open at most. Default 4. A read-only store with 1 opens a single
        /// connection instead of a pool: for a process that reads on one thread at a time.
        public var maximumReaderCount: Int = 4
        /// The time source for archived, seen and audit times. Default: the system clock.
        public var clock: @Sendable () -> Timestamp = { Timestamp(rawValue: Int64(time(nil))) }

        /// The defaults.
        public init() {}

        /// The defaults with a given access.
        public init(access: Access) {
            self.access = access
        }
    }
}
