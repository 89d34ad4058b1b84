import MailModel

extension WriteTransaction {
    /// Stores a message whose digests the caller computed from exactly the bytes `source` gives (the
    /// engine hashes each message once, on a worker thread, before it reaches the one writer), or
    /// records a new sighting if it is archived already. The bytes are not hashed a second time;
    /// a source that gives another number of bytes than `digests.size` is refused
    /// (`DigestMismatchError`) and nothing is stored.
    public func insertMessage<Source: MessageByteSource>(from source: inout Source, hashedAs digests: MessageHasher.Result,
                                                         metadata: MessageMetadata, sighting: Sighting?) throws -> InsertOutcome {
        if let existing = try reader.messageKey(for: digests.id) {
            return try recordExisting(existing, digests: MessageDigests(digests), sighting: sighting)
        }
        let writer = try MessageWriter(transaction: self, declared: MessageDigests(digests), hashing: false)
        try writer.append(contentsOf: &source)
        return try writer.finish(metadata: metadata, sighting: sighting)
    }
}
