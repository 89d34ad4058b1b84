import Foundation
import MailModel
import MailStore
import Testing

/// The store's insert for bytes hashed beforehand (the pipeline's writer uses it).
@Suite("Storing a message hashed beforehand")
struct HashedInsertTests {
    @Test("the bytes are stored under the given digests; a size that does not match is refused")
    func hashedInsert() throws {
        let test = try TemporaryArchive()
        let bytes = TestMail.message(subject: "hashed", body: "once")
        var hasher = MessageHasher()
        hasher.update(bytes)
        let digests = hasher.finalize()
        let outcome = try test.archive.store.write { tx in
            var source = InMemoryByteSource(bytes)
            return try tx.insertMessage(from: &source, hashedAs: digests, metadata: MessageMetadata(), sighting: nil)
        }
        #expect(outcome.isNew && outcome.id == digests.id)
        #expect(try test.archive.store.read { try $0.rawBytes(of: outcome.key) } == bytes)
        let again = try test.archive.store.write { tx in
            var source = InMemoryByteSource(bytes)
            return try tx.insertMessage(from: &source, hashedAs: digests, metadata: MessageMetadata(), sighting: nil)
        }
        #expect(!again.isNew && again.key == outcome.key)

        let other = TestMail.message(subject: "other", body: "bytes")
        var short = MessageHasher()
        short.update(Array(other.dropLast()))
        let wrong = short.finalize()
        #expect(throws: DigestMismatchError.self) {
            try test.archive.store.write { tx in
                var source = InMemoryByteSource(other)
                return try tx.insertMessage(from: &source, hashedAs: wrong, metadata: MessageMetadata(), sighting: nil)
            }
        }
        #expect(try test.messageCount() == 1)
    }
}
