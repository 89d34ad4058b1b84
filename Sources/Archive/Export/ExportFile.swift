import Dispatch
import Foundation
import MailModel

/// A file being written by an export: created new (never overwriting), private (0600), hashed as it
/// is written, so that the manifest can name its SHA-256.
///
/// A file opened with `background: true` (one long mbox) hashes and writes on a queue of its own
/// while the caller reads and decodes the next messages: the two halves of an export then use both
/// cores. Bytes are gathered into blocks of ``blockSize``; at most ``blocksInFlight`` blocks wait
/// for the queue, so memory stays bounded. The first write error is thrown by the next `write` or by
/// `finish`.
final class ExportFile: @unchecked Sendable {
    // Safe: with a queue, `hasher` and the writes belong to the queue (the caller reads `hasher`
    // after draining it), `failure` is guarded by `lock`, and `size` / `block` are the caller's.
    let path: String
    private let descriptor: Int32
    private var hasher = SHA256()
    private(set) var size: Int64 = 0
    private let queue: DispatchQueue?
    private let inFlight = DispatchSemaphore(value: ExportFile.blocksInFlight)
    private let lock = NSLock()
    private var failure: ExportError?
    private var block: [UInt8] = []

    /// Bytes gathered before a block goes to the queue.
    static let blockSize = 512 * 1024
    /// Blocks that may wait for the queue at once.
    static let blocksInFlight = 4

    /// Creates the file; fails if it exists.
    init(path: String, background: Bool = false) throws {
        self.path = path
        descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw ExportError(description: "cannot create \(path): \(String(cString: strerror(errno)))")
        }
        queue = background ? DispatchQueue(label: "cairn.export.file") : nil
    }

    deinit {
        // Queued blocks hold the file, so none is pending here (and this may run on the queue's own
        // thread, after its last block). Bytes still gathered when `finish` was never called (an
        // export that failed) are written, as a file written in place would have them.
        if !block.isEmpty && lock.withLock({ failure }) == nil {
            try? block.withUnsafeBytes { try writeNow($0) }
        }
        close(descriptor)
    }

    /// Writes bytes at the end.
    func write(_ bytes: UnsafeRawBufferPointer) throws {
        size += Int64(bytes.count)
        guard queue != nil else {
            try writeNow(bytes)
            return
        }
        if let failure = lock.withLock({ failure }) { throw failure }
        block.append(contentsOf: bytes)
        if block.count >= Self.blockSize { handOff() }
    }

    /// Writes bytes at the end.
    func write(_ bytes: [UInt8]) throws {
        try bytes.withUnsafeBytes { try write($0) }
    }

    /// Flushes to disk and returns the file's digest.
    func finish() throws -> SHA256Digest {
        if let queue {
            if !block.isEmpty { handOff() }
            queue.sync {}
            if let failure = lock.withLock({ failure }) { throw failure }
        }
        guard fsync(descriptor) == 0 else {
            throw ExportError(description: "cannot flush \(path): \(String(cString: strerror(errno)))")
        }
        return hasher.finalize()
    }

    /// Sends the gathered block to the queue (waiting while too many are in flight).
    private func handOff() {
        guard let queue else { return }
        inFlight.wait()
        let bytes = block
        block = []
        block.reserveCapacity(Self.blockSize + 64 * 1024)
        queue.async {
            defer { self.inFlight.signal() }
            guard self.lock.withLock({ self.failure }) == nil else { return }
            do {
                try bytes.withUnsafeBytes { try self.writeNow($0) }
            } catch {
                let failure = error as? ExportError ?? ExportError(description: "cannot write \(self.path): \(error)")
                self.lock.withLock { self.failure = failure }
            }
        }
    }

    /// Hashes and writes on the calling thread (the queue's, for a background file).
    private func writeNow(_ bytes: UnsafeRawBufferPointer) throws {
        hasher.update(bytes)
        var offset = 0
        while offset < bytes.count {
            let written = Glibc.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                throw ExportError(description: "cannot write \(path): \(String(cString: strerror(errno)))")
            }
            offset += written
        }
    }
}

/// An export that cannot be written: what and where.
public struct ExportError: Error, CustomStringConvertible, Sendable {
    /// What failed, with the path.
    public var description: String

    /// Creates the error.
    public init(description: String) {
        self.description = description
    }
}
