import MailStore

/// A spooled message read from its start, as the store pulls a message's bytes.
struct SpoolByteSource: MessageByteSource {
    private let spool: MessageSpool
    private var offset = 0

    /// Reads `spool` from its first byte.
    init(_ spool: MessageSpool) {
        self.spool = spool
    }

    /// Copies the next bytes.
    mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        let count = try spool.read(at: offset, into: buffer)
        offset += count
        return count
    }
}
