import Foundation
import GRDB
import MailModel

extension StoreReader {
    /// Streams a message's bytes, exactly as received, to `body` one chunk at a time (at most
    /// `Options.chunkSize` bytes each; memory stays at one chunk). Throws `CorruptMessageError` if a
    /// stored chunk is missing or damaged; `body` may already have received earlier chunks then.
    public func withRawBytes(of key: MessageKey, _ body: (UnsafeRawBufferPointer) throws -> Void) throws {
        guard let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT digest, size, chunk_count FROM message WHERE id = ?"),
                                         arguments: [key.rawValue]),
              let id = MessageID.fromBlob(row[0]) else { throw MessageNotFoundError(reference: key.description) }
        let size: Int = row[1]
        let chunkCount: Int64 = row[2]
        // A read nested in `body` (of another message) gets its own inflater and statement: the
        // shared inflater's buffer is what `body` is reading, and the cached statement is the outer
        // read's cursor.
        let nested = self.inflater.inUse
        let inflater = nested ? ChunkInflater() : self.inflater
        inflater.inUse = true
        defer { inflater.inUse = false }
        var expected: Int64 = 0
        var total = 0
        let sql = "SELECT seq, method, raw_size, data FROM message_chunk WHERE message = ? ORDER BY seq"
        let chunks = try Row.fetchCursor(nested ? db.makeStatement(sql: sql) : db.cachedStatement(sql: sql),
                                         arguments: [key.rawValue])
        while let chunk = try chunks.next() {
            guard (chunk[0] as Int64) == expected else {
                throw CorruptMessageError(id: id, reason: "chunk \(expected) is missing")
            }
            let rawSize: Int = chunk[2]
            let decoded: Void? = try chunk.withUnsafeData(atIndex: 3) { data in
                let data = data ?? Data()
                return try data.withUnsafeBytes { stored in
                    try inflater.decode(method: chunk[1], rawSize: rawSize, data: stored, body)
                }
            }
            guard decoded != nil else { throw CorruptMessageError(id: id, reason: "chunk \(expected) does not decode") }
            expected += 1
            total += rawSize
        }
        guard expected == chunkCount, total == size else {
            throw CorruptMessageError(id: id, reason: "stored size \(total) in \(expected) chunks, recorded \(size) in \(chunkCount)")
        }
    }

    /// A message's bytes in memory (for small messages and tests; use `withRawBytes` to stream).
    public func rawBytes(of key: MessageKey) throws -> [UInt8] {
        var bytes: [UInt8] = []
        try withRawBytes(of: key) { bytes.append(contentsOf: $0) }
        return bytes
    }
}
