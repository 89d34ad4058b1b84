/// Warnings about a message's own header: duplicated single fields, raw 8-bit bytes, malformed
/// encoded-words.
enum HeaderDiagnostics {
    /// Fields RFC 5322 3.6 allows at most once.
    static let single = ["From", "Sender", "Reply-To", "To", "Cc", "Bcc", "Subject", "Date", "Message-ID", "In-Reply-To", "References"]

    static func check(_ headers: MIMEHeaders, into warnings: inout [MIMEWarning]) {
        for name in single where headers.positions(of: name).count > 1 {
            warnings.append(MIMEWarning(.duplicateHeader, at: .root, name))
        }
        var reportedEightBit = false
        for position in headers.indices {
            let raw = headers.rawValue(at: position)
            if !reportedEightBit, !ASCII.isASCII(raw) {
                reportedEightBit = true
                let valid = raw.withUnsafeBytes { UTF8Check($0).isValid }
                if !valid {
                    let fallback = headers.fallbackCharset.isUnlabelled || headers.fallbackCharset.description == "utf-8"
                        ? "windows-1252" : headers.fallbackCharset.description
                    warnings.append(MIMEWarning(.charsetMislabel, at: .root, "8-bit header \(headers.name(at: position).prefix(40)) read as \(fallback)"))
                }
            }
            if raw.count >= 4, raw.contains(ASCII.question) {
                let unfolded = HeaderText.unfold(raw, charset: headers.fallbackCharset)
                if unfolded.contains("=?"), EncodedWords.decode(unfolded).malformed > 0 {
                    warnings.append(MIMEWarning(.malformedEncodedWord, at: .root, String(headers.name(at: position).prefix(40))))
                }
            }
        }
    }
}
