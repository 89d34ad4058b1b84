import Glibc

/// Conversion of a charset to UTF-8 through the system's iconv (glibc gconv).
enum Iconv {
    /// Converts bytes from `charset` (an iconv name) to a string; nil when iconv does not know the
    /// charset. Invalid input becomes U+FFFD and is counted in `replaced`.
    static func decode(_ bytes: UnsafeRawBufferPointer, from charset: String) -> (text: String, replaced: Int)? {
        guard !charset.isEmpty else { return nil }
        let handle = iconv_open("UTF-8", charset)
        guard let handle, Int(bitPattern: handle) != -1 else { return nil }
        defer { iconv_close(handle) }
        var out = [UInt8](repeating: 0, count: max(64, bytes.count * 2 + 16))
        var produced = 0
        var replaced = 0
        guard let base = bytes.baseAddress, bytes.count > 0 else { return ("", 0) }
        var inPointer: UnsafeMutablePointer<CChar>? = UnsafeMutablePointer(mutating: base.assumingMemoryBound(to: CChar.self))
        var inLeft = bytes.count
        func appendReplacement() {
            if out.count - produced < 3 { out.append(contentsOf: [UInt8](repeating: 0, count: out.count)) }
            out[produced] = 0xEF
            out[produced + 1] = 0xBF
            out[produced + 2] = 0xBD
            produced += 3
        }
        while true {
            let result: Int = out.withUnsafeMutableBytes { raw in
                var outPointer: UnsafeMutablePointer<CChar>? = (raw.baseAddress! + produced).assumingMemoryBound(to: CChar.self)
                var outLeft = raw.count - produced
                let status = inLeft > 0 ? iconv(handle, &inPointer, &inLeft, &outPointer, &outLeft)
                                        : iconv(handle, nil, nil, &outPointer, &outLeft)
                let code = status == -1 ? errno : 0
                produced = raw.count - outLeft
                return Int(code)
            }
            if result == 0 {
                if inLeft == 0 { break }
                continue
            }
            switch Int32(result) {
            case E2BIG:
                out.append(contentsOf: [UInt8](repeating: 0, count: out.count))
            case EILSEQ:
                appendReplacement()
                replaced += 1
                inPointer = inPointer.map { $0 + 1 }
                inLeft -= 1
            default:  // EINVAL: an incomplete sequence at the end
                appendReplacement()
                replaced += 1
                inLeft = 0
            }
            if inLeft == 0 {
                // Flush any shift state, then stop.
                out.withUnsafeMutableBytes { raw in
                    var outPointer: UnsafeMutablePointer<CChar>? = (raw.baseAddress! + produced).assumingMemoryBound(to: CChar.self)
                    var outLeft = raw.count - produced
                    _ = iconv(handle, nil, nil, &outPointer, &outLeft)
                    produced = raw.count - outLeft
                }
                break
            }
        }
        return (String(decoding: out[0..<produced], as: UTF8.self), replaced)
    }
}
