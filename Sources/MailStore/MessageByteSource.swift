#if canImport(Glibc)
import Glibc
#endif

/// A message's bytes, pulled in order by the store while it stores them (so a message is never
/// held whole in memory).
public protocol MessageByteSource {
    /// Reads up to `buffer.count` next bytes into `buffer` and returns how many; 0 at the end.
    mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int
}

/// Bytes already in memory.
public struct InMemoryByteSource: MessageByteSource {
    private let bytes: [UInt8]
    private var offset = 0

    /// Wraps the bytes.
    public init(_ bytes: [UInt8]) { self.bytes = bytes }

    /// Copies the next bytes.
    public mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        let count = min(buffer.count, bytes.count - offset)
        guard count > 0 else { return 0 }
        bytes.withUnsafeBytes { source in
            buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: source[offset..<offset + count]))
        }
        offset += count
        return count
    }
}

/// The bytes of a file, read from its start to its end (e.g. a Maildir message or a spooled fetch).
public final class FileByteSource: MessageByteSource {
    private var descriptor: Int32

    /// Opens the file for reading.
    public init(path: String) throws {
        descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw ArchiveFileError(operation: "open a message file", code: errno) }
    }

    deinit {
        if descriptor >= 0 { close(descriptor) }
    }

    /// Reads the next bytes.
    public func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        while true {
            let count = Glibc.read(descriptor, buffer.baseAddress, buffer.count)
            if count >= 0 { return count }
            if errno != EINTR { throw ArchiveFileError(operation: "read a message file", code: errno) }
        }
    }
}
