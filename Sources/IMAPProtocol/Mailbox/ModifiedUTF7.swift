/// The modified UTF-7 encoding of international mailbox names (RFC 3501 5.1.3).
///
/// Printable ASCII except `&` stands for itself, `&` is written `&-`, and any other run of characters
/// is written `&` + modified base64 (`,` for `/`, no padding) of its UTF-16BE form + `-`:
/// `Café` ⇄ `Caf&AOk-`, `日本語` ⇄ `&ZeVnLIqe-`.
///
/// - SeeAlso: RFC 3501 5.1.3, RFC 2152.
public enum ModifiedUTF7 {
    /// Encodes a name into its modified UTF-7 wire bytes.
    public static func encode(_ name: String) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(name.utf8.count)
        var pending: [UInt16] = []
        func flush() {
            guard !pending.isEmpty else { return }
            output.append(UInt8(ascii: "&"))
            var bytes: [UInt8] = []
            bytes.reserveCapacity(pending.count * 2)
            for unit in pending {
                bytes.append(UInt8(unit >> 8))
                bytes.append(UInt8(unit & 0xFF))
            }
            output.append(contentsOf: Base64.encode(bytes, alphabet: .mailboxName, padding: false))
            output.append(UInt8(ascii: "-"))
            pending.removeAll(keepingCapacity: true)
        }
        for scalar in name.unicodeScalars {
            if scalar.value >= 0x20 && scalar.value <= 0x7E {
                flush()
                output.append(UInt8(scalar.value))
                if scalar == "&" { output.append(UInt8(ascii: "-")) }
            } else {
                pending.append(contentsOf: String(scalar).utf16)
            }
        }
        flush()
        return output
    }

    /// Decodes modified UTF-7 wire bytes; nil when they are not valid modified UTF-7.
    public static func decode<Bytes: Collection>(_ bytes: Bytes) -> String? where Bytes.Element == UInt8 {
        var result = String.UnicodeScalarView()
        var iterator = bytes.makeIterator()
        while let byte = iterator.next() {
            guard byte >= 0x20 && byte <= 0x7E else { return nil }
            guard byte == UInt8(ascii: "&") else {
                result.append(Unicode.Scalar(byte))
                continue
            }
            var encoded: [UInt8] = []
            var terminated = false
            while let next = iterator.next() {
                if next == UInt8(ascii: "-") { terminated = true; break }
                encoded.append(next)
            }
            guard terminated else { return nil }
            if encoded.isEmpty {
                result.append("&")
                continue
            }
            guard let units = decodeBase64UTF16(encoded) else { return nil }
            var decoded = String.UnicodeScalarView()
            var failed = false
            let hadError = transcode(units.makeIterator(), from: UTF16.self, to: UTF32.self, stoppingOnError: true) {
                if let scalar = Unicode.Scalar($0) { decoded.append(scalar) } else { failed = true }
            }
            // RFC 3501: a shifted run must not encode printable ASCII (it has a direct form).
            guard !hadError, !failed, !decoded.isEmpty, !decoded.contains(where: { $0.value >= 0x20 && $0.value <= 0x7E })
            else { return nil }
            result.append(contentsOf: decoded)
        }
        return String(result)
    }

    private static func decodeBase64UTF16(_ encoded: [UInt8]) -> [UInt16]? {
        // UTF-16 needs an even number of bytes.
        guard let bytes = Base64.decode(encoded, alphabet: .mailboxName), bytes.count % 2 == 0 else { return nil }
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var index = 0
        while index < bytes.count {
            units.append(UInt16(bytes[index]) << 8 | UInt16(bytes[index + 1]))
            index += 2
        }
        return units
    }
}
