import Foundation

/// Changes an archive's SQLite database from another process (Python's sqlite3), as an attacker or a
/// failing disk would: neither Cairn's triggers nor its checks stand in the way. For tests that prove
/// `cairn verify` notices.
public enum DatabaseTamper {
    /// Python failed.
    public struct Failure: Error, CustomStringConvertible {
        /// What Python said.
        public var description: String

        /// A failure saying what went wrong.
        public init(description: String) { self.description = description }
    }

    /// Runs Python code with `db`, an open connection to the database at `path`, then commits.
    public static func python(_ path: String, _ code: String) throws {
        let script = "import sqlite3, sys\ndb = sqlite3.connect(sys.argv[1])\n" + code + "\ndb.commit()\ndb.close()\n"
        let result = try Subprocess.run("/usr/bin/env", ["python3", "-c", script, path])
        guard result.status == 0 else { throw Failure(description: "python3 exited \(result.status): \(result.standardError)") }
    }

    /// Flips one bit in the middle of the first stored chunk of the message with row id `key`.
    public static func flipByte(ofMessage key: Int64, in path: String) throws {
        try python(path, """
            data = bytearray(db.execute("SELECT data FROM message_chunk WHERE message = ? AND seq = 0", (\(key),)).fetchone()[0])
            data[len(data) // 2] ^= 0x20
            db.execute("UPDATE message_chunk SET data = ? WHERE message = ? AND seq = 0", (bytes(data), \(key)))
            """)
    }

    /// Changes one byte of the payload of audit entry `sequence` (its last digit, to the next one),
    /// dropping the trigger that keeps audit entries append-only first, as someone with the file would.
    public static func changeByte(ofAuditEntry sequence: Int64, in path: String) throws {
        try python(path, """
            db.execute("DROP TRIGGER IF EXISTS audit_no_update")
            text = db.execute("SELECT payload FROM audit WHERE seq = ?", (\(sequence),)).fetchone()[0]
            at = max(i for i, c in enumerate(text) if c.isdigit())
            text = text[:at] + str((int(text[at]) + 1) % 10) + text[at + 1:]
            db.execute("UPDATE audit SET payload = ? WHERE seq = ?", (text, \(sequence)))
            """)
    }

    /// The row id of the message whose id (64 hex digits) is given.
    public static func messageKey(ofID hex: String, in path: String) throws -> Int64 {
        let script = """
            import sqlite3, sys
            db = sqlite3.connect(sys.argv[1])
            print(db.execute("SELECT id FROM message WHERE digest = ?", (bytes.fromhex(sys.argv[2]),)).fetchone()[0])
            """
        let result = try Subprocess.run("/usr/bin/env", ["python3", "-c", script, path, hex])
        guard result.status == 0, let key = Int64(result.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines)) else {
            throw Failure(description: "no message \(hex): \(result.standardError)")
        }
        return key
    }
}
