import Foundation
import GRDB
import MailModel

extension WriteTransaction {
    /// Stores a message held in memory, or records a new sighting if it is archived already.
    ///
    /// The digests are computed first, so a message archived already costs one lookup.
    public func insertMessage(bytes: [UInt8], metadata: MessageMetadata, sighting: Sighting?) throws -> InsertOutcome {
        let digests = MessageDigests(of: bytes)
        if let existing = try reader.messageKey(for: digests.id) {
            return try recordExisting(existing, digests: digests, sighting: sighting)
        }
        let writer = try MessageWriter(transaction: self, declared: digests, hashing: false)
        try writer.append(bytes)
        return try writer.finish(metadata: metadata, sighting: sighting)
    }

    /// Stores a message pulled from `source` chunk by chunk, or records a new sighting if it is
    /// archived already.
    ///
    /// With `digests` (e.g. computed by a first pass over a file) an archived message is recognised
    /// without reading its bytes, and the bytes read are checked against them (`DigestMismatchError`).
    public func insertMessage<Source: MessageByteSource>(from source: inout Source, digests: MessageHasher.Result? = nil,
                                                         metadata: MessageMetadata, sighting: Sighting?) throws -> InsertOutcome {
        let declared = digests.map(MessageDigests.init)
        if let declared, let existing = try reader.messageKey(for: declared.id) {
            return try recordExisting(existing, digests: declared, sighting: sighting)
        }
        let writer = try MessageWriter(transaction: self, declared: declared, hashing: true)
        try writer.append(contentsOf: &source)
        return try writer.finish(metadata: metadata, sighting: sighting)
    }

    /// Stores a message prepared (hashed and compressed) beforehand, possibly on another thread, or
    /// records a new sighting if it is archived already.
    public func insertMessage(prepared: PreparedMessage, metadata: MessageMetadata, sighting: Sighting?) throws -> InsertOutcome {
        if let existing = try reader.messageKey(for: prepared.digests.id) {
            return try recordExisting(existing, digests: prepared.digests, sighting: sighting)
        }
        try beginSavepoint(MessageWriter.savepoint)
        do {
            let key = try nextMessageKey()
            for (sequence, chunk) in prepared.chunks.enumerated() {
                try chunk.data.withUnsafeBytes { data in
                    try insertChunk(key: key, sequence: Int64(sequence), method: chunk.method, rawSize: chunk.rawSize, data: data)
                }
            }
            let outcome = try storeNewMessage(key: key, digests: prepared.digests, storedSize: prepared.storedSize,
                                              chunkCount: Int64(prepared.chunks.count), metadata: metadata, sighting: sighting)
            try releaseSavepoint(MessageWriter.savepoint)
            return outcome
        } catch {
            try? rollbackSavepoint(MessageWriter.savepoint)
            throw error
        }
    }

    /// Writes one stored chunk of a message.
    func insertChunk(key: MessageKey, sequence: Int64, method: ChunkMethod, rawSize: Int, data: UnsafeRawBufferPointer) throws {
        let blob = Data(bytesNoCopy: UnsafeMutableRawPointer(mutating: data.baseAddress ?? UnsafeRawPointer(bitPattern: 1)!),
                        count: data.count, deallocator: .none)
        try db.cachedStatement(sql: "INSERT INTO message_chunk(message, seq, method, raw_size, data) VALUES (?, ?, ?, ?, ?)")
            .execute(arguments: [key.rawValue, sequence, method.rawValue, rawSize, blob])
    }

    /// Starts streaming a message whose bytes arrive piece by piece (see `MessageWriter`).
    public func beginMessage() throws -> MessageWriter {
        try MessageWriter(transaction: self, declared: nil, hashing: true)
    }

    /// The key the next stored message gets (AUTOINCREMENT: keys of purged messages are never reused).
    func nextMessageKey() throws -> MessageKey {
        let last = try Int64.fetchOne(db.cachedStatement(
            sql: "SELECT coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'message'), 0)")) ?? 0
        return MessageKey(last + 1)
    }

    /// A message archived already: records the sighting (and its audit entry) only.
    func recordExisting(_ key: MessageKey, digests: MessageDigests, sighting: Sighting?) throws -> InsertOutcome {
        let thread = try Int64.fetchOne(db.cachedStatement(sql: "SELECT thread FROM message WHERE id = ?"),
                                        arguments: [key.rawValue]) ?? 0
        var outcome: SightingOutcome?
        if let sighting {
            outcome = try recordSighting(sighting, of: key, id: digests.id, auditAsSighted: true)
        }
        return InsertOutcome(key: key, id: digests.id, rawSHA256: digests.rawSHA256, size: digests.size, isNew: false,
                             thread: ThreadID(thread), rethreaded: [], sighting: outcome)
    }

    /// Writes the rows of a new message whose chunks are stored under `key`.
    func storeNewMessage(key: MessageKey, digests: MessageDigests, storedSize: Int, chunkCount: Int64,
                         metadata: MessageMetadata, sighting: Sighting?) throws -> InsertOutcome {
        let archivedAt = now
        let threading = ThreadInput(metadata: metadata, fallbackDate: archivedAt)
        let (thread, rethreaded) = try assignThread(threading)
        try db.cachedStatement(sql: """
            INSERT INTO message(id, digest, raw_sha256, size, stored_size, chunk_count, archived_at, date, subject,
                                header_message_id, in_reply_to, refs, list_id, warnings, thread)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [
                key.rawValue, digests.id.digest.blob, digests.rawSHA256.blob, digests.size, storedSize, chunkCount,
                archivedAt.rawValue, metadata.date?.rawValue, metadata.subject, threading.ownID,
                ColumnText.list(HeaderIDs.parse(metadata.inReplyTo)), ColumnText.list(HeaderIDs.parse(metadata.references)),
                metadata.listID, ColumnText.list(metadata.warnings), thread.rawValue,
            ])
        try storeAddresses(of: key, metadata)
        try storeAttachments(of: key, metadata.attachments)
        try linkThreadReferences(of: key, threading, thread: thread)
        var outcome: SightingOutcome?
        if let sighting {
            outcome = try recordSighting(sighting, of: key, id: digests.id, auditAsSighted: false)
        }
        try appendAudit(.messageArchived(id: digests.id, rawSHA256: digests.rawSHA256, size: digests.size,
                                         sighting: sighting))
        return InsertOutcome(key: key, id: digests.id, rawSHA256: digests.rawSHA256, size: digests.size, isNew: true,
                             thread: thread, rethreaded: rethreaded, sighting: outcome)
    }

    private func storeAddresses(of key: MessageKey, _ metadata: MessageMetadata) throws {
        let roles: [(String, [Address])] = [
            ("from", metadata.from), ("sender", metadata.sender), ("reply-to", metadata.replyTo),
            ("to", metadata.to), ("cc", metadata.cc), ("bcc", metadata.bcc),
        ]
        guard roles.contains(where: { !$0.1.isEmpty }) else { return }
        let statement = try db.cachedStatement(
            sql: "INSERT INTO message_address(message, role, position, name, address) VALUES (?, ?, ?, ?, ?)")
        for (role, addresses) in roles {
            for (position, address) in addresses.enumerated() {
                try statement.execute(arguments: [key.rawValue, role, position, address.name, address.address])
            }
        }
    }

    private func storeAttachments(of key: MessageKey, _ attachments: [AttachmentInfo]) throws {
        guard !attachments.isEmpty else { return }
        let statement = try db.cachedStatement(sql: """
            INSERT INTO attachment(message, position, path, filename, content_type, size, sha256)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """)
        for (position, attachment) in attachments.enumerated() {
            try statement.execute(arguments: [key.rawValue, position, attachment.path, attachment.filename,
                                              attachment.contentType, attachment.size, attachment.sha256?.blob])
        }
    }
}
