import MailModel

/// The hash chain's rules.
///
/// An entry's hash is the SHA-256 of the UTF-8 text
/// `cairn-audit-1\n<sequence>\n<time>\n<kind>\n<previous hash, hex>\n<payload>`, where sequence and
/// time are decimal and the payload is canonical JSON (see `AuditValue`). The first entry's previous
/// hash is 32 zero bytes. Changing any byte of any entry, or removing or reordering entries, breaks
/// the chain at that entry.
public enum AuditChain {
    /// The previous hash of the first entry: 32 zero bytes.
    public static let genesis = SHA256Digest(bytes: [UInt8](repeating: 0, count: 32))!

    /// The hash of an entry with these fields.
    public static func hash(sequence: Int64, time: Timestamp, kind: AuditKind, payload: String,
                            previousHash: SHA256Digest) -> SHA256Digest {
        var hasher = SHA256()
        let head = "cairn-audit-1\n\(sequence)\n\(time.rawValue)\n\(kind.rawValue)\n\(previousHash.hex)\n"
        hasher.update(Array(head.utf8))
        hasher.update(Array(payload.utf8))
        return hasher.finalize()
    }
}
