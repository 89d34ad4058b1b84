import Foundation

/// Changes an archive's database behind the store's back, as an attacker or a disk fault would:
/// through Python's own sqlite3 module (a separate SQLite connection in a separate process).
enum ExternalSQLite {
    struct Failure: Error, CustomStringConvertible {
        var status: Int32
        var output: String
        var description: String { "python3 sqlite3 exited \(status): \(output)" }
    }

    /// Runs SQL statements on the database file and returns what the last SELECT printed, if any.
    @discardableResult
    static func run(_ databasePath: String, _ sql: String) throws -> String {
        let script = """
            import sqlite3, sys
            connection = sqlite3.connect(sys.argv[1])
            rows = []
            for statement in [s for s in sys.argv[2].split(";\\n") if s.strip()]:
                rows = connection.execute(statement).fetchall()
            connection.commit()
            connection.close()
            print("\\n".join("|".join(str(v) for v in row) for row in rows))
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, databasePath, sql]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw Failure(status: process.terminationStatus, output: output) }
        return output.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
