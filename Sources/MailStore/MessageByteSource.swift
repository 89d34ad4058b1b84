/// A message's bytes, pulled in order by the store while it stores them (so a message is never
/// held whole in memory).
public protocol MessageByteSource {
    /// Reads up to `buffer.count` next bytes into `buffer` and returns how many; 0 at the end.
    mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int
}
