#if canImport(Glibc)
import Glibc
#endif

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
