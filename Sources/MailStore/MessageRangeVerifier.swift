import Foundation
import GRDB
import MailModel

/// Re-hashes the messages of one key range in one pass: a cursor over the messages and one over
/// their chunks in (message, seq) order, merged, each chunk inflated once into both digests.
struct MessageRangeVerifier {
    let db: Database
    let range: ClosedRange<Int64>
    let progress: (Int64) -> Void

    private struct Expected {
        var ref: MessageRef
        var rawSHA256: SHA256Digest?
        var size: Int
        var chunkCount: Int64
    }

    private struct Running {
        var expected: Expected
        var digests = StreamingDigests()
        var nextSequence: Int64 = 0
        var size = 0
        var damage: String?
    }

    func run() throws -> (messages: Int, bytes: Int64, problems: [MessageIntegrityProblem]) {
        let messages = try Row.fetchCursor(db, sql: """
            SELECT id, digest, raw_sha256, size, chunk_count FROM message WHERE id BETWEEN ? AND ? ORDER BY id
            """, arguments: [range.lowerBound, range.upperBound])
        let chunks = try Row.fetchCursor(db, sql: """
            SELECT message, seq, method, raw_size, data FROM message_chunk WHERE message BETWEEN ? AND ? ORDER BY message, seq
            """, arguments: [range.lowerBound, range.upperBound])
        let inflater = ChunkInflater()
        var problems: [MessageIntegrityProblem] = []
        var count = 0
        var bytes: Int64 = 0
        var current: Running?

        func finish(_ running: Running) {
            count += 1
            bytes += Int64(running.size)
            progress(Int64(running.size))
            if let problem = Self.judge(running) { problems.append(problem) }
        }
        func advance(to key: Int64) throws -> Running? {
            while let row = try messages.next() {
                let expected = Expected(
                    ref: MessageRef(key: MessageKey(row[0] as Int64),
                                    id: MessageID.fromBlob(row[1]) ?? MessageID(digest: AuditChain.genesis)),
                    rawSHA256: SHA256Digest.fromBlob(row[2]), size: row[3], chunkCount: row[4])
                if expected.ref.key.rawValue == key { return Running(expected: expected) }
                finish(Running(expected: expected))  // a message without chunks (empty, or all missing)
            }
            return nil
        }

        while let chunk = try chunks.next() {
            let key: Int64 = chunk[0]
            if current?.expected.ref.key.rawValue != key {
                if let current { finish(current) }
                current = try advance(to: key)
            }
            guard var running = current, running.damage == nil else { continue }
            let sequence: Int64 = chunk[1]
            if sequence != running.nextSequence {
                running.damage = "chunk \(running.nextSequence) is missing"
            } else {
                let rawSize: Int = chunk[3]
                let method: Int64 = chunk[2]
                let decoded: Void? = try chunk.withUnsafeData(atIndex: 4) { data in
                    try (data ?? Data()).withUnsafeBytes { stored in
                        try inflater.decode(method: method, rawSize: rawSize, data: stored) { running.digests.update($0) }
                    }
                }
                if decoded == nil { running.damage = "chunk \(sequence) does not decode" }
                running.size += rawSize
                running.nextSequence += 1
            }
            current = running
        }
        if let current { finish(current) }
        while let row = try messages.next() {
            let ref = MessageRef(key: MessageKey(row[0] as Int64), id: MessageID.fromBlob(row[1]) ?? MessageID(digest: AuditChain.genesis))
            finish(Running(expected: Expected(ref: ref, rawSHA256: SHA256Digest.fromBlob(row[2]), size: row[3], chunkCount: row[4])))
        }
        return (count, bytes, problems)
    }

    private static func judge(_ running: Running) -> MessageIntegrityProblem? {
        let expected = running.expected
        if let damage = running.damage {
            return MessageIntegrityProblem(message: expected.ref, kind: .damaged, detail: "stored bytes are damaged: \(damage)")
        }
        if running.nextSequence != expected.chunkCount {
            return MessageIntegrityProblem(message: expected.ref, kind: .damaged,
                                           detail: "\(running.nextSequence) of \(expected.chunkCount) chunks are stored")
        }
        if running.size != expected.size {
            return MessageIntegrityProblem(message: expected.ref, kind: .sizeMismatch,
                                           detail: "\(running.size) bytes stored, \(expected.size) recorded")
        }
        var streaming = running.digests
        let digests = streaming.finalize()
        if digests.rawSHA256 != expected.rawSHA256 {
            return MessageIntegrityProblem(message: expected.ref, kind: .sha256Mismatch,
                                           detail: "SHA-256 of the stored bytes differs from the recorded one (altered)")
        }
        if digests.id != expected.ref.id {
            return MessageIntegrityProblem(message: expected.ref, kind: .idMismatch,
                                           detail: "the stored bytes do not hash to the message's id (altered)")
        }
        return nil
    }
}
