import MailModel

/// The head of the audit chain: how many entries it has and the last one's hash. Stored elsewhere
/// (or timestamped), it later proves that the archive's chain still extends it.
///
/// Printed as `COUNT:HASH`, e.g. `1523:9f2c...`.
public struct AuditAnchor: Hashable, Sendable, CustomStringConvertible {
    /// Number of entries.
    public var count: Int64
    /// Hash of entry `count` (32 zero bytes when the chain is empty).
    public var hash: SHA256Digest

    /// Creates an anchor.
    public init(count: Int64, hash: SHA256Digest) {
        self.count = count
        self.hash = hash
    }

    /// Parses `COUNT:HASH`; nil for anything else.
    public init?(_ text: String) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, let count = Int64(parts[0]), count >= 0,
              let hash = SHA256Digest(hex: String(parts[1])) else { return nil }
        self.count = count
        self.hash = hash
    }

    /// `COUNT:HASH`.
    public var description: String { "\(count):\(hash.hex)" }
}
