/// The archive's schema is not one this build can use: it was written by a newer Cairn, or it
/// needs an upgrade that a read-only open cannot make.
public struct SchemaVersionError: Error, Sendable, CustomStringConvertible {
    /// Migrations the archive has applied.
    public var archiveMigrations: Int
    /// Migrations this build knows.
    public var knownMigrations: Int

    /// Creates the error.
    public init(archiveMigrations: Int, knownMigrations: Int) {
        self.archiveMigrations = archiveMigrations
        self.knownMigrations = knownMigrations
    }

    /// Says which side is newer.
    public var description: String {
        if archiveMigrations > knownMigrations {
            return "the archive was written by a newer Cairn (schema \(archiveMigrations), this one knows "
                + "\(knownMigrations)); upgrade Cairn"
        }
        return "the archive's schema (\(archiveMigrations)) is older than this Cairn's (\(knownMigrations)) "
            + "and must be upgraded by a writing command"
    }
}
