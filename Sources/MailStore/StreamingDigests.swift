#if canImport(Glibc)
import Glibc
#endif
import MailModel

/// The two digests of a message (its id: SHA-256 of the CRLF form; and the SHA-256 of the bytes as
/// received) in one pass, hashing only once while the two forms are equal.
///
/// Until the first bare LF the CRLF form and the bytes are the same, so only one SHA-256 runs; at
/// the first bare LF the computation forks (SHA256 is a value type) and the CRLF form gets its own
/// from there on. Mail fetched over IMAP is CRLF throughout and costs one hash instead of two.
/// Gives the same results as `MessageHasher`.
struct StreamingDigests {
    private var raw = SHA256()
    /// nil while the CRLF form equals the bytes so far.
    private var normalised: SHA256?
    private var previousWasCR = false
    /// Bytes seen.
    private(set) var size = 0

    /// Adds the next bytes.
    mutating func update(_ chunk: UnsafeRawBufferPointer) {
        guard let base = chunk.baseAddress, chunk.count > 0 else { return }
        size += chunk.count
        let bytes = base.assumingMemoryBound(to: UInt8.self)
        var searchFrom = 0
        var fed = 0  // bytes of this chunk already given to `normalised`
        if normalised == nil {
            guard let first = nextBareLF(bytes, count: chunk.count, from: 0) else {
                raw.update(chunk)
                previousWasCR = bytes[chunk.count - 1] == 13
                return
            }
            raw.update(UnsafeRawBufferPointer(rebasing: chunk[0..<first]))
            var forked = raw
            forked.update(Self.crlf)
            normalised = forked
            raw.update(UnsafeRawBufferPointer(rebasing: chunk[first...]))
            fed = first + 1
            searchFrom = first + 1
        } else {
            raw.update(chunk)
        }
        while let lf = nextBareLF(bytes, count: chunk.count, from: searchFrom) {
            normalised!.update(UnsafeRawBufferPointer(rebasing: chunk[fed..<lf]))
            normalised!.update(Self.crlf)
            fed = lf + 1
            searchFrom = lf + 1
        }
        normalised!.update(UnsafeRawBufferPointer(rebasing: chunk[fed...]))
        previousWasCR = bytes[chunk.count - 1] == 13
    }

    /// The id, the raw SHA-256 and the size.
    mutating func finalize() -> MessageDigests {
        let rawDigest = raw.finalize()
        if var normalised { return MessageDigests(id: MessageID(digest: normalised.finalize()), rawSHA256: rawDigest, size: size) }
        return MessageDigests(id: MessageID(digest: rawDigest), rawSHA256: rawDigest, size: size)
    }

    private static let crlf: [UInt8] = [13, 10]

    /// The index of the next LF at or after `from` that has no CR before it (looking back into the
    /// previous chunk for index 0).
    private func nextBareLF(_ bytes: UnsafePointer<UInt8>, count: Int, from: Int) -> Int? {
        var position = from
        while position < count {
            guard let found = memchr(bytes + position, 10, count - position) else { return nil }
            let index = bytes.distance(to: found.assumingMemoryBound(to: UInt8.self))
            let afterCR = index > 0 ? bytes[index - 1] == 13 : previousWasCR
            if !afterCR { return index }
            position = index + 1
        }
        return nil
    }
}
