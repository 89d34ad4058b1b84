#if canImport(Glibc)
import Glibc
#endif

/// Unbuffered writes to standard output or standard error, safe from any task.
struct FileHandleOutput: Sendable {
    /// The file descriptor written to.
    let descriptor: Int32

    /// Standard output.
    static let standardOutput = FileHandleOutput(descriptor: 1)
    /// Standard error.
    static let standardError = FileHandleOutput(descriptor: 2)

    /// Writes the UTF-8 of a string, retrying short writes.
    func write(_ text: String) {
        var text = text
        text.withUTF8 { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written <= 0 {
                    if written < 0 && errno == EINTR { continue }
                    return
                }
                offset += written
            }
        }
    }

    /// Whether the descriptor is a terminal.
    var isTerminal: Bool { isatty(descriptor) != 0 }
}
