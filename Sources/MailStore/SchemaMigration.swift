import GRDB

/// One SQL migration of `Schemas/sqlite/`, as compiled into the binary.
public struct SchemaMigration: Hashable, Sendable {
    /// `NNNN_name`, the file name without `.sql`.
    public var name: String
    /// The file's SQL.
    public var sql: String

    /// Every migration this build knows, in order.
    public static let all: [SchemaMigration] = EmbeddedMigrations.all.map { SchemaMigration(name: $0.name, sql: $0.sql) }

    /// A GRDB migrator that applies `all` in order, each in its own transaction.
    static func migrator() -> DatabaseMigrator {
        var migrator = DatabaseMigrator()
        for migration in all {
            migrator.registerMigration(migration.name) { db in
                try db.execute(sql: migration.sql)
            }
        }
        return migrator
    }
}
