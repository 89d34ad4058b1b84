import GRDB
import MailModel

extension WriteTransaction {
    /// Stores a message encoded beforehand (``EncodedMessage``), or records a new sighting if it is
    /// archived already: the writer only writes the chunks.
    public func insertMessage(encoded: EncodedMessage, metadata: MessageMetadata, sighting: Sighting?) throws -> InsertOutcome {
        precondition(!messageWriterOpen, "insertMessage(encoded:): a MessageWriter is open in this transaction")
        let digests = encoded.digests
        if let existing = try reader.messageKey(for: digests.id) {
            return try recordExisting(existing, digests: MessageDigests(digests), sighting: sighting)
        }
        let savepoint = "cairn_encoded"
        try beginSavepoint(savepoint)
        do {
            let key = try nextMessageKey()
            let statement = try db.cachedStatement(
                sql: "INSERT INTO message_chunk(message, seq, method, raw_size, data) VALUES (?, ?, ?, ?, ?)")
            for (sequence, chunk) in encoded.chunks.enumerated() {
                try statement.execute(arguments: [key.rawValue, sequence, chunk.method.rawValue, chunk.rawSize, chunk.data])
            }
            let outcome = try storeNewMessage(key: key, digests: MessageDigests(digests), storedSize: encoded.storedSize,
                                              chunkCount: Int64(encoded.chunks.count), metadata: metadata, sighting: sighting)
            try releaseSavepoint(savepoint)
            return outcome
        } catch {
            try? rollbackSavepoint(savepoint)
            throw error
        }
    }
}
