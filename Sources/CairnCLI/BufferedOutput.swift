#if canImport(Glibc)
import Glibc
#endif

/// Output to a file descriptor through a buffer, so that thousands of result lines cost a few
/// system calls; bytes are written exactly as given (for `show --raw`).
final class BufferedOutput {
    private let descriptor: Int32
    private var buffer: [UInt8] = []
    private let capacity: Int

    /// Standard output, buffered by 64 KiB.
    static func standardOutput() -> BufferedOutput { BufferedOutput(descriptor: 1) }

    /// Output to `descriptor`, flushed whenever `capacity` bytes are waiting.
    init(descriptor: Int32, capacity: Int = 64 * 1024) {
        self.descriptor = descriptor
        self.capacity = capacity
        buffer.reserveCapacity(capacity)
    }

    deinit { flush() }

    /// Adds text.
    func write(_ text: String) {
        var text = text
        text.withUTF8 { write(UnsafeRawBufferPointer($0)) }
    }

    /// Adds bytes.
    func write(_ bytes: UnsafeRawBufferPointer) {
        if buffer.count + bytes.count > capacity {
            flush()
            if bytes.count >= capacity {
                BufferedOutput.writeAll(descriptor, bytes)
                return
            }
        }
        buffer.append(contentsOf: bytes)
    }

    /// Writes what is waiting.
    func flush() {
        guard !buffer.isEmpty else { return }
        buffer.withUnsafeBytes { BufferedOutput.writeAll(descriptor, $0) }
        buffer.removeAll(keepingCapacity: true)
    }

    private static func writeAll(_ descriptor: Int32, _ bytes: UnsafeRawBufferPointer) {
        var offset = 0
        while offset < bytes.count {
            let written = Glibc.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if written <= 0 {
                if written < 0 && errno == EINTR { continue }
                return
            }
            offset += written
        }
    }
}
