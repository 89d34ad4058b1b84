import Foundation
import MailModel

/// The raw bytes of one message on their way into the archive: kept in memory up to a limit, then
/// spilled to a private temporary file, so that a 100 MB message never sits in memory whole.
///
/// Filled by one thread, then handed over (through a queue) to a worker that hashes it
/// (``digests()``), and to the writer that stores it.
final class MessageSpool: @unchecked Sendable {
    // Safe: a spool is filled by one thread, then handed over through a queue; after that the
    // worker computes the digests once and everyone only reads.
    /// Messages up to this size stay in memory: 2 MiB. Larger ones (a few in a thousand in a
    /// typical mailbox) stream through a file; with 8 MiB, a 20,000-message import peaked at
    /// 103 MiB instead of 88 MiB, at the same CPU time.
    static let defaultMemoryLimit = 2 * 1024 * 1024

    private var memory: [UInt8] = []
    private var file: Int32 = -1
    private var filePath: String?
    private var size = 0
    private let memoryLimit: Int
    private let temporaryDirectory: String
    private var computed: MessageHasher.Result?

    /// A spool that spills into `temporaryDirectory` past `memoryLimit` bytes; `expectedSize`
    /// reserves memory up front when the size is known (a file's).
    init(temporaryDirectory: String, memoryLimit: Int = MessageSpool.defaultMemoryLimit, expectedSize: Int = 0) {
        self.temporaryDirectory = temporaryDirectory
        self.memoryLimit = memoryLimit
        if expectedSize > 0 { memory.reserveCapacity(min(expectedSize, memoryLimit)) }
    }

    deinit {
        if file >= 0 { close(file) }
        if let filePath { unlink(filePath) }
    }

    /// A problem with the temporary file.
    struct Error: Swift.Error, CustomStringConvertible {
        var description: String
    }

    /// Appends the next chunk.
    func append(_ chunk: UnsafeRawBufferPointer) throws {
        guard chunk.count > 0 else { return }
        if file < 0 && memory.count + chunk.count <= memoryLimit {
            memory.append(contentsOf: chunk)
        } else {
            if file < 0 { try spill() }
            try MessageSpool.writeAll(file, chunk)
        }
        size += chunk.count
    }

    /// The number of bytes appended so far.
    var count: Int { size }

    /// Whether the bytes are in memory (not spilled to a file).
    var isInMemory: Bool { file < 0 }

    /// Calls `body` with all the bytes at once when they are in memory; nil when they are spilled.
    func withBytesInMemory<T>(_ body: (UnsafeRawBufferPointer) throws -> T) rethrows -> T? {
        guard file < 0 else { return nil }
        return try memory.withUnsafeBytes(body)
    }

    /// Frees the bytes held in memory once they are no longer needed (encoded for the store); the
    /// count and digests stay.
    func releaseMemory() {
        memory = []
    }

    /// The message's digests, computed on first call (by the worker that takes the spool).
    func digests() throws -> MessageHasher.Result {
        if let computed { return computed }
        var hasher = MessageHasher()
        try forEachChunk { hasher.update($0) }
        let result = hasher.finalize()
        computed = result
        return result
    }

    /// Calls `body` with the bytes in order, in chunks of at most `chunkSize` (all at once when
    /// they are in memory).
    func forEachChunk(chunkSize: Int = 256 * 1024, _ body: (UnsafeRawBufferPointer) throws -> Void) throws {
        if file < 0 {
            try memory.withUnsafeBytes { try body($0) }
            return
        }
        var buffer = [UInt8](repeating: 0, count: chunkSize)
        var offset: off_t = 0
        while true {
            let count = buffer.withUnsafeMutableBytes { pread(file, $0.baseAddress, $0.count, offset) }
            if count < 0 {
                if errno == EINTR { continue }
                throw Error(description: "cannot read a spooled message: \(String(cString: strerror(errno)))")
            }
            if count == 0 { return }
            try buffer.withUnsafeBytes { try body(UnsafeRawBufferPointer(rebasing: $0[0..<count])) }
            offset += off_t(count)
        }
    }

    /// Copies up to `buffer.count` bytes from `offset` on into `buffer`; 0 at the end.
    func read(at offset: Int, into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        if file < 0 {
            let count = min(buffer.count, memory.count - offset)
            guard count > 0 else { return 0 }
            memory.withUnsafeBytes { source in
                buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: source[offset..<offset + count]))
            }
            return count
        }
        while true {
            let count = pread(file, buffer.baseAddress, buffer.count, off_t(offset))
            if count >= 0 { return count }
            if errno != EINTR {
                throw Error(description: "cannot read a spooled message: \(String(cString: strerror(errno)))")
            }
        }
    }

    private func spill() throws {
        var template = Array((temporaryDirectory + "/cairn-spool-XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else {
            throw Error(description: "cannot create a temporary file in \(temporaryDirectory): \(String(cString: strerror(errno)))")
        }
        fchmod(fd, 0o600)
        file = fd
        filePath = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        try memory.withUnsafeBytes { try MessageSpool.writeAll(fd, $0) }
        memory = []
    }

    private static func writeAll(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) throws {
        var offset = 0
        while offset < bytes.count {
            let written = write(fd, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                throw Error(description: "cannot write a spooled message: \(String(cString: strerror(errno)))")
            }
            offset += written
        }
    }
}
