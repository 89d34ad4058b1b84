import CZlib
import NIOCore

/// Raw DEFLATE compression of everything the client sends after COMPRESS DEFLATE (RFC 4978): each
/// write is flushed so the server can read the command at once.
final class Deflater {
    private let stream: UnsafeMutablePointer<z_stream>

    init() throws(IMAPError) {
        stream = .allocate(capacity: 1)
        stream.initialize(to: z_stream())
        guard czlib_deflate_init2(stream, 6, -15, 8, Z_DEFAULT_STRATEGY) == Z_OK else {
            stream.deallocate()
            throw IMAPError(.connection, "could not start compression")
        }
    }

    deinit {
        deflateEnd(stream)
        stream.deinitialize(count: 1)
        stream.deallocate()
    }

    /// The compressed form of `input`, flushed to a byte boundary.
    func compress(_ input: ByteBuffer) throws(IMAPError) -> ByteBuffer {
        var output = ByteBuffer()
        let bytes = Array(input.readableBytesView)
        var failed = false
        bytes.withUnsafeBufferPointer { source in
            stream.pointee.next_in = UnsafeMutablePointer(mutating: source.baseAddress)
            stream.pointee.avail_in = UInt32(source.count)
            repeat {
                _ = output.writeWithUnsafeMutableBytes(minimumWritableBytes: 16_384) { target in
                    stream.pointee.next_out = target.baseAddress!.assumingMemoryBound(to: UInt8.self)
                    stream.pointee.avail_out = UInt32(target.count)
                    let status = deflate(stream, Z_SYNC_FLUSH)
                    if status != Z_OK && status != Z_BUF_ERROR { failed = true }
                    return target.count - Int(stream.pointee.avail_out)
                }
            } while !failed && stream.pointee.avail_out == 0
            stream.pointee.next_in = nil
        }
        if failed { throw IMAPError(.connection, "compression failed") }
        return output
    }
}

/// Raw DEFLATE decompression of everything the server sends after COMPRESS DEFLATE. Output comes in
/// chunks of bounded size, so a small compressed input cannot expand into unbounded memory at once.
final class Inflater {
    private let stream: UnsafeMutablePointer<z_stream>
    private var pending: [UInt8] = []
    private var pendingOffset = 0
    private var finished = false
    /// The largest chunk ``next(maximum:)`` returns.
    static let chunkSize = 256 * 1024

    init() throws(IMAPError) {
        stream = .allocate(capacity: 1)
        stream.initialize(to: z_stream())
        guard czlib_inflate_init2(stream, -15) == Z_OK else {
            stream.deallocate()
            throw IMAPError(.connection, "could not start decompression")
        }
    }

    deinit {
        inflateEnd(stream)
        stream.deinitialize(count: 1)
        stream.deallocate()
    }

    /// The most compressed bytes held at once (input waiting to be inflated).
    private(set) var peakPendingBytes = 0

    /// Adds compressed bytes. What was inflated already is dropped first, so the buffer holds only
    /// input not yet inflated plus this read.
    func feed(_ input: ByteBuffer) {
        if pendingOffset == pending.count {
            pending.removeAll(keepingCapacity: true)
            pendingOffset = 0
        } else if pendingOffset > 0 {
            pending.removeFirst(pendingOffset)
            pendingOffset = 0
        }
        pending.append(contentsOf: input.readableBytesView)
        peakPendingBytes = max(peakPendingBytes, pending.count)
    }

    /// Whether compressed bytes are waiting.
    var hasPendingInput: Bool { pendingOffset < pending.count }

    /// The next decompressed bytes (possibly empty when more input is needed).
    func next() throws(IMAPError) -> ByteBuffer {
        guard hasPendingInput, !finished else { return ByteBuffer() }
        var output = ByteBuffer()
        var status: Int32 = Z_OK
        pending.withUnsafeBufferPointer { source in
            stream.pointee.next_in = UnsafeMutablePointer(mutating: source.baseAddress! + pendingOffset)
            stream.pointee.avail_in = UInt32(source.count - pendingOffset)
            _ = output.writeWithUnsafeMutableBytes(minimumWritableBytes: Inflater.chunkSize) { target in
                stream.pointee.next_out = target.baseAddress!.assumingMemoryBound(to: UInt8.self)
                stream.pointee.avail_out = UInt32(min(target.count, Inflater.chunkSize))
                let before = stream.pointee.avail_out
                status = inflate(stream, Z_SYNC_FLUSH)
                return Int(before - stream.pointee.avail_out)
            }
            pendingOffset = source.count - Int(stream.pointee.avail_in)
            stream.pointee.next_in = nil
        }
        switch status {
        case Z_OK, Z_BUF_ERROR:
            return output
        case Z_STREAM_END:
            finished = true
            return output
        default:
            throw IMAPError(.protocol, "the server's compressed data is corrupt")
        }
    }
}
