/// A read-only open found no archive (no folder or no `cairn.sqlite` in it).
public struct ArchiveNotFoundError: Error, Sendable, CustomStringConvertible {
    /// The archive folder that was looked at.
    public var path: String

    /// Creates the error.
    public init(path: String) { self.path = path }

    /// Says that there is no archive yet.
    public var description: String {
        "no archive here yet (no cairn.sqlite in the archive folder); import or sync something first"
    }
}
