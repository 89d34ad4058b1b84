/// Computes, in one streaming pass, both digests a message is archived under: the `MessageID`
/// (SHA-256 of the CRLF-normalised bytes) and the SHA-256 of the bytes exactly as received.
///
/// Chunk boundaries carry no meaning: a CR that ends one chunk and an LF that starts the next are
/// one line ending.
public struct MessageHasher: Sendable {
    private var normalised = SHA256()
    private var raw = SHA256()
    private var previousWasCR = false
    private var count = 0

    /// The two digests and the size of the bytes as received.
    public struct Result: Hashable, Sendable {
        /// The message's identity.
        public var id: MessageID
        /// SHA-256 of the bytes exactly as received.
        public var rawSHA256: SHA256Digest
        /// Number of bytes as received.
        public var size: Int
    }

    /// Starts a new computation.
    public init() {}

    /// Adds the next chunk of the message.
    public mutating func update(_ chunk: UnsafeRawBufferPointer) {
        guard chunk.count > 0 else { return }
        raw.update(chunk)
        count += chunk.count
        let bytes = chunk.bindMemory(to: UInt8.self)
        var runStart = 0
        let crlf: [UInt8] = [13, 10]
        for index in 0..<bytes.count where bytes[index] == 10 {
            let cameAfterCR = index > 0 ? bytes[index - 1] == 13 : previousWasCR
            if !cameAfterCR {
                normalised.update(UnsafeRawBufferPointer(rebasing: chunk[runStart..<index]))
                crlf.withUnsafeBytes { normalised.update($0) }
                runStart = index + 1
            }
        }
        normalised.update(UnsafeRawBufferPointer(rebasing: chunk[runStart..<chunk.count]))
        previousWasCR = bytes[bytes.count - 1] == 13
    }

    /// Adds the next chunk of the message.
    public mutating func update(_ chunk: [UInt8]) {
        chunk.withUnsafeBytes { update($0) }
    }

    /// Ends the computation.
    public mutating func finalize() -> Result {
        Result(id: MessageID(digest: normalised.finalize()), rawSHA256: raw.finalize(), size: count)
    }
}
