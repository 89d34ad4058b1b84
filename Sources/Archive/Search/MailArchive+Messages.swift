import Foundation
import MailModel
import MailStore
import MIME
import NIOCore

extension MailArchive {
    /// The message named by a full id or a unique prefix of at least 8 hex digits
    /// (`InvalidMessageIDError`, `MessageNotFoundError`, `AmbiguousMessageIDError` otherwise).
    public func resolve(_ reference: String) throws -> MessageRef {
        try store.read { try $0.resolve(reference) }
    }

    /// Counts and sizes of the whole archive, per account and per folder.
    public func stats() throws -> ArchiveStats {
        try store.read { try $0.stats() }
    }

    /// Everything the store keeps about a message besides its bytes.
    public func details(of key: MessageKey) throws -> MessageDetails {
        try store.read { try $0.details(of: key) }
    }

    /// Streams a message's bytes exactly as archived to `body`, chunk by chunk.
    public func withRawBytes(of key: MessageKey, _ body: (UnsafeRawBufferPointer) throws -> Void) throws {
        try store.read { try $0.withRawBytes(of: key, body) }
    }

    /// Decodes an archived message (its text kept within the decoder's limits); with
    /// `prefixBytes`, only its first bytes (what a snippet needs: text comes before attachments).
    public func decode(_ key: MessageKey, options: MIMEOptions = .default, prefixBytes: Int? = nil) throws -> DecodedMessage {
        var decoder = MessageDecoder(options: options)
        var remaining = prefixBytes ?? .max
        do {
            try withRawBytes(of: key) { chunk in
                let used = min(remaining, chunk.count)
                decoder.feed(ByteBuffer(bytes: UnsafeRawBufferPointer(rebasing: chunk[0..<used])))
                remaining -= used
                if remaining == 0 { throw EnoughBytes() }
            }
        } catch is EnoughBytes {}
        return decoder.finish()
    }

    /// Streams the raw header section of a message (up to and including the blank line that ends
    /// it, or the whole message when it has none) to `body`.
    public func withHeaderBytes(of key: MessageKey, _ body: (UnsafeRawBufferPointer) throws -> Void) throws {
        var scanner = HeaderEndScanner()
        try withRawBytes(of: key) { chunk in
            guard !scanner.done else { return }
            let end = scanner.scan(chunk)
            try body(UnsafeRawBufferPointer(rebasing: chunk[0..<(end ?? chunk.count)]))
        }
    }

    /// Streams the decoded content of the part at `path` to `content`, after `begin` hears what the
    /// part is; false when the message has no such part.
    public func extractPart(of key: MessageKey, path: PartPath, begin: (MIMEPart) throws -> Void,
                            content: (ByteBuffer) throws -> Void) throws -> Bool {
        var extractor = PartExtractor(.part(path))
        func drain() throws {
            while let output = extractor.next() {
                switch output {
                case .begin(let part): try begin(part)
                case .bytes(_, let bytes): try content(bytes)
                case .end: break
                }
            }
        }
        try withRawBytes(of: key) { chunk in
            extractor.feed(ByteBuffer(bytes: chunk))
            try drain()
        }
        extractor.finish()
        try drain()
        return extractor.matchCount > 0
    }
}

/// Stops reading a message once enough of it was read.
private struct EnoughBytes: Error {}

/// Finds the end of a message's header section (the first empty line) across chunks.
struct HeaderEndScanner {
    /// Whether the end was found.
    private(set) var done = false
    private var lineLength = 0
    private var sawCR = false

    /// The index just past the header section's end in `chunk`, or nil when it is not in it.
    mutating func scan(_ chunk: UnsafeRawBufferPointer) -> Int? {
        for (index, byte) in chunk.enumerated() {
            switch byte {
            case 0x0A:
                if lineLength == 0 {
                    done = true
                    return index + 1
                }
                lineLength = 0
                sawCR = false
            case 0x0D:
                sawCR = true
            default:
                lineLength += 1 + (sawCR ? 1 : 0)
                sawCR = false
            }
        }
        return nil
    }
}
