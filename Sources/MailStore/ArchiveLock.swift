#if canImport(Glibc)
import Glibc
#endif
import Synchronization

/// The archive's writer lock: an exclusive `flock(2)` on `cairn.lock` in the archive folder, held
/// from a read-write open until `close()`.
///
/// `flock` locks belong to an open file description, so two stores in one process exclude each
/// other as two processes do, and the kernel drops the lock when the process dies.
final class ArchiveLock: Sendable {
    /// The lock file's descriptor; -1 once released. A Mutex makes release idempotent and thread-safe.
    private let descriptor: Mutex<Int32>

    private init(descriptor: Int32) {
        self.descriptor = Mutex(descriptor)
    }

    deinit { release() }

    /// Takes the lock, polling until `timeout` has passed, then throws `ArchiveLockedError`.
    static func acquire(path: String, timeout: Duration) throws -> ArchiveLock {
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw ArchiveFileError(operation: "open the archive lock file", code: errno) }
        let clock = ContinuousClock()
        let start = clock.now
        while true {
            if flock(fd, LOCK_EX | LOCK_NB) == 0 { break }
            let code = errno
            guard code == EWOULDBLOCK || code == EINTR else {
                close(fd)
                throw ArchiveFileError(operation: "lock the archive", code: code)
            }
            let waited = clock.now - start
            if waited >= timeout {
                let holder = readPID(fd)
                close(fd)
                throw ArchiveLockedError(waited: waited, holderPID: holder)
            }
            let pause = min(Duration.milliseconds(25), timeout - waited)
            let micros = pause.components.seconds * 1_000_000 + pause.components.attoseconds / 1_000_000_000_000
            usleep(useconds_t(max(1, micros)))
        }
        writePID(fd)
        return ArchiveLock(descriptor: fd)
    }

    /// Whether the lock is still held (not released yet).
    var isHeld: Bool { descriptor.withLock { $0 >= 0 } }

    /// Releases the lock (idempotent).
    func release() {
        descriptor.withLock { fd in
            guard fd >= 0 else { return }
            ftruncate(fd, 0)
            flock(fd, LOCK_UN)
            close(fd)
            fd = -1
        }
    }

    private static func writePID(_ fd: Int32) {
        let text = Array("\(getpid())\n".utf8)
        ftruncate(fd, 0)
        _ = text.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, 0) }
    }

    private static func readPID(_ fd: Int32) -> Int32? {
        var buffer = [UInt8](repeating: 0, count: 32)
        let count = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, 0) }
        guard count > 0 else { return nil }
        let text = String(decoding: buffer[0..<count], as: UTF8.self)
        return Int32(text.split(whereSeparator: { $0 == "\n" || $0 == " " }).first ?? "")
    }
}
