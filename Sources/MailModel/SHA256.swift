import CCrypto

/// An incremental SHA-256 computation (CCrypto: the CPU's SHA extensions where present).
///
/// A value type: copying it forks the computation.
public struct SHA256: Sendable {
    private var context = ccrypto_sha256_ctx()

    /// Starts a new computation.
    public init() {
        ccrypto_sha256_init(&context)
    }

    /// Adds bytes to the computation.
    public mutating func update(_ bytes: UnsafeRawBufferPointer) {
        guard let base = bytes.baseAddress, bytes.count > 0 else { return }
        ccrypto_sha256_update(&context, base, bytes.count)
    }

    /// Adds the bytes of a contiguous collection to the computation.
    public mutating func update<Bytes: Sequence>(_ bytes: Bytes) where Bytes.Element == UInt8 {
        let done: Void? = bytes.withContiguousStorageIfAvailable { update(UnsafeRawBufferPointer($0)) }
        if done == nil {
            let copy = Array(bytes)
            copy.withUnsafeBytes { update($0) }
        }
    }

    /// Ends the computation and returns the digest.
    public mutating func finalize() -> SHA256Digest {
        var out = [UInt8](repeating: 0, count: 32)
        out.withUnsafeMutableBufferPointer { ccrypto_sha256_final(&context, $0.baseAddress!) }
        return SHA256Digest(bytes: out)!
    }

    /// The digest of the given bytes.
    public static func hash<Bytes: Sequence>(_ bytes: Bytes) -> SHA256Digest where Bytes.Element == UInt8 {
        var hasher = SHA256()
        hasher.update(bytes)
        return hasher.finalize()
    }
}
