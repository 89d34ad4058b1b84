import NIOCore

/// The transfer decoding of one entity's body, streaming.
struct ContentDecoder {
    /// nil for the identity encodings (7bit, 8bit, binary and unknown ones).
    private var engine: (any StreamingDecoder)?

    init(_ encoding: TransferEncoding) {
        switch encoding {
        case .base64: engine = Base64Decoder()
        case .quotedPrintable: engine = QuotedPrintableDecoder()
        case .uuencode: engine = UUDecoder()
        case .sevenBit, .eightBit, .binary, .other: engine = nil
        }
    }

    /// Decodes a chunk; for identity the chunk itself is returned, uncopied.
    mutating func decode(_ chunk: ByteBuffer) -> ByteBuffer {
        guard var decoder = engine else { return chunk }
        engine = nil
        var out = ByteBuffer()
        decoder.decode(chunk, into: &out)
        engine = decoder
        return out
    }

    /// Ends the input; returns the last bytes and the number of invalid characters met in all.
    mutating func finish() -> (tail: ByteBuffer, invalid: Int) {
        var out = ByteBuffer()
        guard var decoder = engine else { return (out, 0) }
        decoder.finish(into: &out)
        engine = decoder
        return (out, decoder.invalidCount)
    }
}
