import Foundation

/// Reads files (or standard input) in fixed-size chunks through one reusable buffer, so no message
/// is ever read whole and no buffer is allocated per file.
public struct ChunkedFileReader {
    private var buffer: [UInt8]

    /// A problem opening or reading a file.
    public struct Error: Swift.Error, CustomStringConvertible {
        /// What failed, with the path.
        public var description: String
    }

    /// A reader with chunks of `chunkSize` bytes.
    public init(chunkSize: Int = 256 * 1024) {
        buffer = [UInt8](repeating: 0, count: max(1, chunkSize))
    }

    /// Calls `body` with each chunk of the file at `path` (`-`: standard input) in order.
    public mutating func read(_ path: String, _ body: (UnsafeRawBufferPointer) throws -> Void) throws {
        let descriptor = path == "-" ? 0 : open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw Error(description: "cannot open \(path): \(String(cString: strerror(errno)))")
        }
        defer { if descriptor != 0 { close(descriptor) } }
        while true {
            let count = buffer.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw Error(description: "cannot read \(path): \(String(cString: strerror(errno)))")
            }
            if count == 0 { return }
            try buffer.withUnsafeBytes { try body(UnsafeRawBufferPointer(rebasing: $0[0..<count])) }
        }
    }
}
