import Foundation

/// Reads a file or standard input in fixed-size chunks, so no message is ever read whole.
public final class FileChunkReader {
    /// The chunk size used by default: 256 KiB.
    public static let defaultChunkSize = 256 * 1024

    private let descriptor: Int32
    private let ownsDescriptor: Bool
    private var buffer: [UInt8]

    /// A problem opening or reading a file.
    public struct Error: Swift.Error, CustomStringConvertible {
        /// What failed, with the path.
        public var description: String
    }

    /// Opens a file for reading; `-` is standard input.
    public init(path: String, chunkSize: Int = FileChunkReader.defaultChunkSize) throws {
        if path == "-" {
            descriptor = 0
            ownsDescriptor = false
        } else {
            descriptor = open(path, O_RDONLY | O_CLOEXEC)
            guard descriptor >= 0 else {
                throw Error(description: "cannot open \(path): \(String(cString: strerror(errno)))")
            }
            ownsDescriptor = true
        }
        buffer = [UInt8](repeating: 0, count: max(1, chunkSize))
        self.path = path
    }

    private let path: String

    deinit {
        if ownsDescriptor { close(descriptor) }
    }

    /// Calls `body` with each chunk in order until the end of the file.
    public func forEachChunk(_ body: (UnsafeRawBufferPointer) throws -> Void) throws {
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw Error(description: "cannot read \(path): \(String(cString: strerror(errno)))")
            }
            if count == 0 { return }
            try buffer.withUnsafeBytes { try body(UnsafeRawBufferPointer(rebasing: $0[0..<count])) }
        }
    }
}
