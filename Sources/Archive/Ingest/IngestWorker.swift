import MailIndex
import MailModel
import MailStore
import MIME
import NIOCore

/// The work of one pipeline thread: hash a message, skip it if archived already, else decode it
/// and build its index document. One per thread (its document builder is not thread-safe).
final class IngestWorker {
    private let store: MailStore
    private let language: String
    private var builder: DocumentBuilder?
    private var builderFailed = false
    private let encoder: EncodedMessage.Encoder

    /// A worker reading `store` and stemming in `language`.
    init(store: MailStore, language: String) {
        self.store = store
        self.language = language
        encoder = EncodedMessage.Encoder(options: store.options)
    }

    /// Turns a submitted message into what the writer needs.
    func process(_ message: IncomingMessage) -> IngestItem {
        let digests: MessageHasher.Result
        do {
            digests = try message.spool.digests()
        } catch {
            return .failed(label: message.label, sighting: message.sighting, size: message.byteCount,
                           reason: String(describing: error))
        }
        if let key = try? store.read({ try $0.messageKey(for: digests.id) }) {
            return .known(message, digests, key)
        }
        var decoder = MessageDecoder()
        do {
            try message.spool.forEachChunk { decoder.feed(ByteBuffer(bytes: $0)) }
        } catch {
            return .failed(label: message.label, sighting: message.sighting, size: message.byteCount,
                           reason: String(describing: error))
        }
        let decoded = decoder.finish()
        var document: PreparedDocument?
        if let builder = documentBuilder() {
            document = try? builder.build(decoded.indexDocument(rowID: 1, id: digests.id, size: digests.size))
        }
        // Compressing here, in parallel, leaves the one writer only the writing.
        let encoded = try? message.spool.withBytesInMemory { try encoder.encode($0, digests: digests) }
        if encoded != nil { message.spool.releaseMemory() }
        return .decoded(message, digests, DecodedEntry(metadata: decoded.storeMetadata, document: document,
                                                       isUnreadable: decoded.isUnreadable, encoded: encoded ?? nil))
    }

    private func documentBuilder() -> DocumentBuilder? {
        if builder == nil && !builderFailed {
            builder = try? DocumentBuilder(language: language)
            builderFailed = builder == nil
        }
        return builder
    }
}
