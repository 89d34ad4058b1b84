import NIOCore

/// A transfer decoder that takes its input in chunks and gives the same output whatever the chunk
/// boundaries (base64, quoted-printable, uuencode).
public protocol StreamingDecoder: Sendable {
    /// Decodes the next chunk, appending the bytes to `output`.
    mutating func decode(_ input: UnsafeRawBufferPointer, into output: inout ByteBuffer)
    /// Ends the input, appending any last bytes to `output`.
    mutating func finish(into output: inout ByteBuffer)
    /// Number of invalid characters or lines skipped so far.
    var invalidCount: Int { get }
}

extension StreamingDecoder {
    /// Decodes the next chunk, appending the bytes to `output`.
    public mutating func decode(_ input: ByteBuffer, into output: inout ByteBuffer) {
        input.withUnsafeReadableBytes { decode($0, into: &output) }
    }
}

extension Base64Decoder: StreamingDecoder {}
extension QuotedPrintableDecoder: StreamingDecoder {}
extension UUDecoder: StreamingDecoder {}
