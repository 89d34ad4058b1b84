import Foundation
import GRDB
import MailModel

/// Streams one message's bytes into the store, chunk by chunk, while hashing them; `finish` then
/// stores the message (or, when its id is already archived, drops the bytes and records the new
/// sighting). Memory stays at one chunk whatever the message's size.
///
/// ```swift
/// let writer = try tx.beginMessage()
/// for chunk in chunks { try writer.append(chunk) }
/// let outcome = try writer.finish(metadata: meta, sighting: seen)
/// ```
/// One writer at a time per transaction; a writer neither finished nor cancelled when the `write`
/// closure ends is rolled back with the transaction.
public final class MessageWriter {
    static let savepoint = "cairn_message"

    private let transaction: WriteTransaction
    private let key: MessageKey
    private let declared: MessageDigests?
    private let hashing: Bool
    private var hasher = StreamingDigests()
    private var buffer: [UInt8]
    private var filled = 0
    private var chunkCount: Int64 = 0
    private var received = 0
    private var storedSize = 0
    private var open = true

    init(transaction: WriteTransaction, declared: MessageDigests?, hashing: Bool) throws {
        precondition(!transaction.messageWriterOpen, "MessageWriter: one message at a time per transaction")
        precondition(hashing || declared != nil, "MessageWriter: digests must be declared or computed")
        self.transaction = transaction
        self.declared = declared
        self.hashing = hashing
        buffer = [UInt8](repeating: 0, count: max(1, transaction.options.chunkSize))
        try transaction.beginSavepoint(Self.savepoint)
        do {
            key = try transaction.nextMessageKey()
        } catch {
            try? transaction.rollbackSavepoint(Self.savepoint)
            throw error
        }
        transaction.messageWriterOpen = true
    }

    /// Adds the next bytes of the message.
    public func append(_ bytes: UnsafeRawBufferPointer) throws {
        precondition(open, "MessageWriter: append after finish or cancel")
        try guarded {
            if hashing { hasher.update(bytes) }
            received += bytes.count
            var offset = 0
            while offset < bytes.count {
                if filled == 0, bytes.count - offset >= buffer.count {
                    try storeChunk(UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + buffer.count]))
                    offset += buffer.count
                    continue
                }
                let count = min(buffer.count - filled, bytes.count - offset)
                buffer.withUnsafeMutableBytes { target in
                    UnsafeMutableRawBufferPointer(rebasing: target[filled..<filled + count])
                        .copyMemory(from: UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + count]))
                }
                filled += count
                offset += count
                if filled == buffer.count { try flush() }
            }
        }
    }

    /// Adds the next bytes of the message.
    public func append(_ bytes: [UInt8]) throws {
        try bytes.withUnsafeBytes { try append($0) }
    }

    /// Adds every remaining byte of `source`, reading straight into the chunk buffer.
    public func append<Source: MessageByteSource>(contentsOf source: inout Source) throws {
        precondition(open, "MessageWriter: append after finish or cancel")
        try guarded {
            while true {
                let count = try buffer.withUnsafeMutableBytes { target in
                    try source.read(into: UnsafeMutableRawBufferPointer(rebasing: target[filled...]))
                }
                if count == 0 { break }
                if hashing {
                    buffer.withUnsafeBytes { hasher.update(UnsafeRawBufferPointer(rebasing: $0[filled..<filled + count])) }
                }
                received += count
                filled += count
                if filled == buffer.count { try flush() }
            }
        }
    }

    /// Stores the message with its metadata and sighting (or, if its id is archived already, only the
    /// sighting) and returns what happened.
    public func finish(metadata: MessageMetadata, sighting: Sighting?) throws -> InsertOutcome {
        precondition(open, "MessageWriter: finish after finish or cancel")
        return try guarded {
            try flush()
            let digests = hashing ? hasher.finalize() : declared!
            if let declared, digests != declared || received != declared.size {
                throw DigestMismatchError(declared: declared.id, actual: digests.id)
            }
            if let existing = try transaction.reader.messageKey(for: digests.id) {
                close(rollback: true)
                return try transaction.recordExisting(existing, digests: digests, sighting: sighting)
            }
            let outcome = try transaction.storeNewMessage(
                key: key, digests: digests, storedSize: storedSize, chunkCount: chunkCount,
                metadata: metadata, sighting: sighting)
            try transaction.releaseSavepoint(Self.savepoint)
            open = false
            transaction.messageWriterOpen = false
            return outcome
        }
    }

    /// Drops what was streamed so far; nothing is stored.
    public func cancel() {
        guard open else { return }
        close(rollback: true)
    }

    private func guarded<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch {
            if open { close(rollback: true) }
            throw error
        }
    }

    private func close(rollback: Bool) {
        open = false
        transaction.messageWriterOpen = false
        if rollback { try? transaction.rollbackSavepoint(Self.savepoint) }
    }

    private func flush() throws {
        guard filled > 0 else { return }
        let count = filled
        filled = 0
        try buffer.withUnsafeBytes { try storeChunk(UnsafeRawBufferPointer(rebasing: $0[0..<count])) }
    }

    private func storeChunk(_ bytes: UnsafeRawBufferPointer) throws {
        try transaction.deflater.encode(bytes) { method, stored in
            try transaction.insertChunk(key: key, sequence: chunkCount, method: method, rawSize: bytes.count, data: stored)
            storedSize += stored.count
        }
        chunkCount += 1
    }
}
