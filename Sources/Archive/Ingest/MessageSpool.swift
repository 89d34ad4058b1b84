import Foundation
import MailModel

/// The raw bytes of one message on their way into the archive: kept in memory up to a limit, then
/// spilled to a private temporary file, so that a 100 MB message never sits in memory whole.
///
/// The bytes are hashed as they arrive (`MessageHasher`), so the message's id is known when the last
/// chunk is in.
final class MessageSpool: @unchecked Sendable {
    // Safe: a spool is filled by one thread, then handed over (through a queue) and only read.
    /// Messages up to this size stay in memory: 8 MiB.
    static let defaultMemoryLimit = 8 * 1024 * 1024

    private var memory: [UInt8] = []
    private var file: Int32 = -1
    private var filePath: String?
    private var hasher = MessageHasher()
    private let memoryLimit: Int
    private let temporaryDirectory: String
    private(set) var digests: MessageHasher.Result?

    /// A spool that spills into `temporaryDirectory` past `memoryLimit` bytes.
    init(temporaryDirectory: String, memoryLimit: Int = MessageSpool.defaultMemoryLimit) {
        self.temporaryDirectory = temporaryDirectory
        self.memoryLimit = memoryLimit
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
        hasher.update(chunk)
        if file < 0 && memory.count + chunk.count <= memoryLimit {
            memory.append(contentsOf: chunk)
            return
        }
        if file < 0 { try spill() }
        try MessageSpool.writeAll(file, chunk)
    }

    /// Ends the message and returns its digests.
    @discardableResult
    func finish() -> MessageHasher.Result {
        if let digests { return digests }
        let result = hasher.finalize()
        digests = result
        return result
    }

    /// Calls `body` with the bytes in order, in chunks of at most `chunkSize`.
    func forEachChunk(chunkSize: Int = 256 * 1024, _ body: (UnsafeRawBufferPointer) throws -> Void) throws {
        if file < 0 {
            try memory.withUnsafeBytes { all in
                var offset = 0
                while offset < all.count {
                    let end = min(all.count, offset + chunkSize)
                    try body(UnsafeRawBufferPointer(rebasing: all[offset..<end]))
                    offset = end
                }
            }
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

    /// The number of bytes appended so far.
    var count: Int { digests?.size ?? (file < 0 ? memory.count : -1) }

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
