import Glibc
import NIOCore

/// A message file (or standard input) read in chunks, never whole.
struct InspectInput {
    private let descriptor: Int32
    private let ownsDescriptor: Bool
    private let name: String

    /// Size of each read.
    static let chunkSize = 64 * 1024

    /// Opens a path, or standard input for `-`.
    static func open(_ path: String) throws -> InspectInput {
        if path == "-" { return InspectInput(descriptor: 0, ownsDescriptor: false, name: "standard input") }
        let descriptor = Glibc.open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            let reason = String(cString: strerror(errno))
            throw CLIError(description: "cannot read \(path): \(reason)", exitCode: CairnExitCode.failure.rawValue)
        }
        var status = stat()
        if fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFDIR {
            Glibc.close(descriptor)
            throw CLIError(description: "cannot read \(path): it is a directory", exitCode: CairnExitCode.failure.rawValue)
        }
        return InspectInput(descriptor: descriptor, ownsDescriptor: true, name: path)
    }

    /// Calls `body` with each chunk until the end of the input.
    func readChunks(_ body: (ByteBuffer) throws -> Void) throws {
        while true {
            var buffer = ByteBuffer()
            var failure: Int32 = 0
            let count = buffer.writeWithUnsafeMutableBytes(minimumWritableBytes: InspectInput.chunkSize) { raw in
                var result: Int
                repeat {
                    result = Glibc.read(descriptor, raw.baseAddress, raw.count)
                } while result < 0 && errno == EINTR
                if result < 0 {
                    failure = errno
                    return 0
                }
                return result
            }
            if failure != 0 {
                throw CLIError(description: "cannot read \(name): \(String(cString: strerror(failure)))",
                               exitCode: CairnExitCode.failure.rawValue)
            }
            if count == 0 { return }
            try body(buffer)
        }
    }

    /// Closes the file.
    func close() {
        if ownsDescriptor { Glibc.close(descriptor) }
    }
}
