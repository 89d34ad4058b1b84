import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A mode of the archive's files could not be set.
public struct ArchiveFolderModeError: Error, Sendable, CustomStringConvertible {
    /// The path.
    public var path: String
    /// `errno`.
    public var code: Int32

    /// Says which path and why.
    public var description: String {
        "cannot make \(path) private: \(String(cString: strerror(code)))"
    }
}
