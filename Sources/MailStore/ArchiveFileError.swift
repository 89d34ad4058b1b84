#if canImport(Glibc)
import Glibc
#endif

/// A file-system operation on the archive folder failed (create, open, lock, chmod).
public struct ArchiveFileError: Error, Sendable, CustomStringConvertible {
    /// What was being done, e.g. "create the archive folder".
    public var operation: String
    /// The `errno` value.
    public var code: Int32

    /// Creates the error.
    public init(operation: String, code: Int32) {
        self.operation = operation
        self.code = code
    }

    /// The operation and the system's reason.
    public var description: String {
        "cannot \(operation): \(String(cString: strerror(code)))"
    }
}
