import Foundation
import MailModel

/// A file being written by an export: created new (never overwriting), private (0600), hashed as it
/// is written, so that the manifest can name its SHA-256.
final class ExportFile {
    let path: String
    private let descriptor: Int32
    private var hasher = SHA256()
    private(set) var size: Int64 = 0

    /// Creates the file; fails if it exists.
    init(path: String) throws {
        self.path = path
        descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw ExportError(description: "cannot create \(path): \(String(cString: strerror(errno)))")
        }
    }

    deinit {
        close(descriptor)
    }

    /// Writes bytes at the end.
    func write(_ bytes: UnsafeRawBufferPointer) throws {
        hasher.update(bytes)
        size += Int64(bytes.count)
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

    /// Writes bytes at the end.
    func write(_ bytes: [UInt8]) throws {
        try bytes.withUnsafeBytes { try write($0) }
    }

    /// Flushes to disk and returns the file's digest.
    func finish() throws -> SHA256Digest {
        guard fsync(descriptor) == 0 else {
            throw ExportError(description: "cannot flush \(path): \(String(cString: strerror(errno)))")
        }
        return hasher.finalize()
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
